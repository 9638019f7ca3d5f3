import type { KooPhoneClient } from '../client';
import type { InstanceGroupInputs } from '../schemas/resources/instance-group';
import type { Progress } from './progress';

/** Auto-renew calls in flight at once: the billing API takes one subscription per call. */
const AUTO_RENEW_CONCURRENCY = 8;
/** expire_policy 3 is the billing system's "auto-renew at expiry". */
const AUTO_RENEW_POLICY = 3;
const RECORDED_ONLY = ['periodType', 'periodNum', 'autoPay'] as const;

/**
 * Sets auto-renew on the subscriptions of these phones where the billing system reports otherwise: one query per 50
 * phones, then one call per phone that differs, so an interrupted run resumes with only the rest. Returns how many
 * subscriptions were changed.
 */
export async function applyAutoRenew(
  client: KooPhoneClient,
  instanceIds: readonly string[],
  enabled: boolean,
  progress: Progress,
): Promise<number> {
  const subscriptions = await client.billing.querySubscriptions(instanceIds);
  const differ = subscriptions
    .filter((s) => (s.expire_policy === AUTO_RENEW_POLICY) !== enabled)
    .map((s) => s.resource_id);
  let done = 0;
  const queue = [...differ];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      await client.billing.setAutoRenew(id, enabled);
      progress.status(`auto-renew ${enabled ? 'on' : 'off'}: ${++done}/${differ.length}`, done === differ.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AUTO_RENEW_CONCURRENCY, differ.length) }, worker));
  return differ.length;
}

/** Charge settings no API can change on an existing subscription: recorded for the group's next orders, with a warning. */
export function warnRecordedOnly(
  olds: Partial<InstanceGroupInputs>,
  news: InstanceGroupInputs,
  progress: Progress,
): void {
  const changed = RECORDED_ONLY.filter((k) => olds.charge !== undefined && olds.charge[k] !== news.charge[k]);
  if (changed.length === 0) return;
  progress.warn(
    `charge.${changed.join(', charge.')} changed: applies to the phones this group buys from now on; its existing phones keep ` +
      'their current subscriptions. To change those, renew them for another period in the Huawei Cloud Billing Center (Renewals).',
  );
}
