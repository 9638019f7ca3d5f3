import type { KooPhoneClient } from '../client';
import type { GetSubscriptionsArgs, GetSubscriptionsResult } from '../schemas/resources/functions';
import { subscriptionOutputs } from './subscription-outputs';

/**
 * The fleet's subscriptions for `getSubscriptions` (docs/api/billing.md). Without ids it lists the account's phones
 * first and asks billing only about the yearly/monthly ones: a billing query by expiry alone would also return the
 * account's other cloud services.
 */

const DAY_MS = 86_400_000;

export async function subscriptionReport(
  client: KooPhoneClient,
  args: Pick<GetSubscriptionsArgs, 'instanceIds' | 'expiringWithinDays'>,
  now = Date.now(),
): Promise<GetSubscriptionsResult> {
  const ids =
    args.instanceIds ??
    (await client.listAllInstances()).filter((r) => r.billing_mode === '1').map((r) => r.instance_id);
  const rows = ids.length === 0 ? [] : await client.billing.querySubscriptions(ids);
  const subscriptions = rows
    .map((row) => {
      const sub = subscriptionOutputs(row);
      return {
        instanceId: row.resource_id,
        instanceName: row.resource_name ?? '',
        ...sub,
        daysLeft: Math.floor((Date.parse(sub.expireTime) - now) / DAY_MS),
      };
    })
    .filter(
      (s) =>
        args.expiringWithinDays === undefined || Date.parse(s.expireTime) - now <= args.expiringWithinDays * DAY_MS,
    )
    .sort((a, b) => Date.parse(a.expireTime) - Date.parse(b.expireTime));
  return { subscriptions };
}
