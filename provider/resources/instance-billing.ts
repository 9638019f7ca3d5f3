import type { KooPhoneClient, OrderInstance } from '../client';
import type { InstanceInputs, InstanceOutputs } from '../schemas/resources/instance';
import { progressFor } from './progress';

/**
 * An Instance's subscription through Huawei Cloud's billing API (docs/api/billing.md): the phone's billing resource
 * id is its instance id (inferred). Billing changes never replace the phone: auto-renew is changed on the existing
 * subscription; period and payment settings can only apply to phones bought later, so they are recorded and warned.
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

export interface SubscriptionOutputs {
  expireTime: string;
  autoRenew: boolean;
  subscriptionStatus: string;
}

/** expire_policy 3 is "auto-renew at expiry": the billing system's own auto-renew flag. */
export function subscriptionOutputs(row: OrderInstance): SubscriptionOutputs {
  return {
    expireTime: row.expire_time ?? '',
    autoRenew: row.expire_policy === 3,
    subscriptionStatus: STATUS_WORDS[row.status] ?? String(row.status),
  };
}

/** The phone's subscription as the billing API reports it; undefined when it has none (pay-per-use, released). */
export async function readSubscription(client: KooPhoneClient, instanceId: string): Promise<SubscriptionOutputs | undefined> {
  const rows = await client.billing.querySubscriptions([instanceId]);
  const row = rows.find((r) => r.resource_id === instanceId);
  return row ? subscriptionOutputs(row) : undefined;
}

/** Outputs with the subscription read back; a phone without one drops stale subscription outputs. */
export function withSubscription(outs: InstanceOutputs, sub: SubscriptionOutputs | undefined): InstanceOutputs {
  const { expireTime: _e, autoRenew: _a, subscriptionStatus: _s, ...rest } = outs;
  return sub ? { ...rest, ...sub } : rest;
}

/** Declared auto-renew differs from what the billing system reports (changed in the Billing Center, or not applied). */
export function autoRenewDrifted(olds: Partial<InstanceOutputs>, news: InstanceInputs): boolean {
  return olds.autoRenew !== undefined && olds.autoRenew !== news.charge.autoRenew;
}

const RECORDED_ONLY = ['periodType', 'periodNum', 'autoPay'] as const;

/**
 * Applies a charge change to the existing phone without replacing it: auto-renew through the billing API (only when
 * it differs from what the billing system last reported); the rest is recorded for phones bought from now on.
 */
export async function applyChargeChange(
  client: KooPhoneClient,
  instanceId: string,
  olds: Partial<InstanceOutputs>,
  news: InstanceInputs & { resourceUrn?: string },
): Promise<void> {
  const reported = olds.autoRenew ?? olds.charge?.autoRenew;
  if (reported !== news.charge.autoRenew) await client.billing.setAutoRenew(instanceId, news.charge.autoRenew);
  const changed = RECORDED_ONLY.filter((k) => olds.charge !== undefined && olds.charge[k] !== news.charge[k]);
  if (changed.length > 0) {
    progressFor(news.resourceUrn).warn(
      `charge.${changed.join(', charge.')} changed: recorded for a phone bought from now on (a replacement); phone ${instanceId} keeps ` +
        'its current subscription. To change it, renew it for another period in the Huawei Cloud Billing Center (Renewals).',
    );
  }
}
