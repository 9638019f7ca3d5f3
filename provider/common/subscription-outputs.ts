import type { OrderInstance } from '../client';

/**
 * A subscription as the provider reports it, from one row of the billing API's query (docs/api/billing.md). Shared by
 * the Instance provider and the SDK's getSubscriptions.
 */

/** Subscription status words for the BSS `status` codes (docs/api/billing.md). */
const STATUS_WORDS: Readonly<Record<number, string>> = {
  1: 'initialising',
  2: 'active',
  3: 'expired',
  4: 'frozen',
  5: 'grace',
  6: 'freezing',
  7: 'unfreezing',
  8: 'closing',
};

export type ExpiryAction = 'renew' | 'toPayPerUse' | 'release';

export interface SubscriptionOutputs {
  expireTime: string;
  autoRenew: boolean;
  subscriptionStatus: string;
  expiryAction: ExpiryAction;
}

/** BSS expire_policy → what happens at expiry: 3 auto-renew, 1 pay-per-use; grace, freeze and delete all end in release. */
function expiryActionOf(policy: number | null | undefined): ExpiryAction {
  if (policy === 3) return 'renew';
  return policy === 1 ? 'toPayPerUse' : 'release';
}

/** expire_policy 3 is "auto-renew at expiry": the billing system's own auto-renew flag. */
export function subscriptionOutputs(row: OrderInstance): SubscriptionOutputs {
  return {
    expireTime: row.expire_time ?? '',
    autoRenew: row.expire_policy === 3,
    subscriptionStatus: STATUS_WORDS[row.status] ?? String(row.status),
    expiryAction: expiryActionOf(row.expire_policy),
  };
}
