import type { OrderInstance } from '../client';
import { EXPIRE_POLICY, SUBSCRIPTION_STATUS } from '../schemas/wire/billing';

/**
 * A subscription as the provider reports it, from one row of the billing API's query (docs/api/billing.md). Shared by
 * the Instance provider and the SDK's getSubscriptions.
 */

export type ExpiryAction = 'renew' | 'toPayPerUse' | 'release';

export interface SubscriptionOutputs {
  expireTime: string;
  autoRenew: boolean;
  subscriptionStatus: string;
  expiryAction: ExpiryAction;
}

/** BSS expire_policy → what happens at expiry: 3 auto-renew, 1 pay-per-use; grace, freeze and delete all end in release. */
function expiryActionOf(policy: number | null | undefined): ExpiryAction {
  if (policy === EXPIRE_POLICY.autoRenew) return 'renew';
  return policy === EXPIRE_POLICY.payPerUse ? 'toPayPerUse' : 'release';
}

/** expire_policy 3 is "auto-renew at expiry": the billing system's own auto-renew flag. */
export function subscriptionOutputs(row: OrderInstance): SubscriptionOutputs {
  return {
    expireTime: row.expire_time ?? '',
    autoRenew: row.expire_policy === EXPIRE_POLICY.autoRenew,
    subscriptionStatus: (SUBSCRIPTION_STATUS as Readonly<Record<number, string>>)[row.status] ?? String(row.status),
    expiryAction: expiryActionOf(row.expire_policy),
  };
}
