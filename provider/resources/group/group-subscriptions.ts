import type { KooPhoneClient, OrderInstance } from '../../client';
import { subscriptionOutputs, type SubscriptionOutputs } from '../../common/subscription-outputs';
import type { GroupMember, InstanceGroupInputs, InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import { autoRenewDrifted, expirePolicyDrifted, withSubscription } from '../billing/instance-billing';
import { subscriptionsByIds } from '../billing/subscription-lookup';

/**
 * The members' subscriptions of an InstanceGroup, read cheaply (docs/api/billing.md, "Reading a group by order"):
 * one query per order per 500 phones, and by ids (≤ 50 per call) only for members no order listed.
 */

/** instance id → the member's subscription as the billing system reports it; a member without one is absent. */
export type MemberSubscriptions = Map<string, SubscriptionOutputs>;

/**
 * Reads the members' subscriptions: first by the group's orders (a 1,000-phone order is 2 calls), then by ids for
 * members not found (orders found again by name have no id; a member without a subscription is looked at once more).
 */
export async function readMemberSubscriptions(
  client: KooPhoneClient,
  orderIds: readonly string[],
  memberIds: readonly string[],
): Promise<MemberSubscriptions> {
  const members = new Set(memberIds);
  const found: MemberSubscriptions = new Map();
  const take = (rows: readonly OrderInstance[]) => {
    for (const row of rows) if (members.has(row.resource_id)) found.set(row.resource_id, subscriptionOutputs(row));
  };
  for (const orderId of new Set(orderIds)) {
    if (found.size === members.size) break;
    take(await client.billing.querySubscriptionsByOrder(orderId));
  }
  for (const [id, sub] of await subscriptionsByIds(
    client,
    [...members].filter((id) => !found.has(id)),
  ))
    found.set(id, sub);
  return found;
}

/** The subscriptions the group's outputs hold (the last read). */
export function reportedSubscriptions(outs: Pick<InstanceGroupOutputs, 'instances'>): MemberSubscriptions {
  const subs: MemberSubscriptions = new Map();
  for (const m of outs.instances) {
    if (m.expireTime === undefined || m.expiryAction === undefined) continue;
    subs.set(m.instanceId, {
      expireTime: m.expireTime,
      autoRenew: m.expiryAction === 'renew',
      subscriptionStatus: m.subscriptionStatus ?? '',
      expiryAction: m.expiryAction,
    });
  }
  return subs;
}

/** A member reports auto-renew as `expiryAction: renew` (the billing API's expire_policy 3), not as a field of its own. */
const memberAutoRenew = (m: Partial<GroupMember>) => ({
  autoRenew: m.expiryAction === undefined ? undefined : m.expiryAction === 'renew',
});

/** A member with its subscription as read: what the billing system reports, without the Instance's `autoRenew`. */
function withMemberSubscription(m: GroupMember, sub: SubscriptionOutputs | undefined): GroupMember {
  const { autoRenew: _stale, ...member } = withSubscription(m as GroupMember & { autoRenew?: boolean }, sub);
  return member;
}

/** The soonest expiry among these subscriptions, as the billing API spells it; undefined when there is none. */
export function earliestExpiry(subs: Iterable<SubscriptionOutputs>): string | undefined {
  let earliest: string | undefined;
  for (const { expireTime } of subs) {
    if (expireTime && (earliest === undefined || Date.parse(expireTime) < Date.parse(earliest))) earliest = expireTime;
  }
  return earliest;
}

/** Outputs with every member's subscription as read (stale fields dropped) and the group's earliest expiry. */
export function withMemberSubscriptions<T extends Pick<InstanceGroupOutputs, 'instances' | 'earliestExpireTime'>>(
  outs: T,
  subs: MemberSubscriptions,
): T {
  const { earliestExpireTime: _stale, ...rest } = outs;
  const instances = outs.instances.map((m) => withMemberSubscription(m, subs.get(m.instanceId)));
  const earliest = earliestExpiry(outs.instances.flatMap((m) => subs.get(m.instanceId) ?? []));
  return { ...rest, instances, ...(earliest === undefined ? {} : { earliestExpireTime: earliest }) } as T;
}

/** A member's reported auto-renew or expiry action differs from the declared one (a Billing Center change): drift. */
export function membersDrifted(
  olds: Partial<Pick<InstanceGroupOutputs, 'instances'>>,
  news: Pick<InstanceGroupInputs, 'charge' | 'expirePolicy'>,
): boolean {
  return (olds.instances ?? []).some((m) => autoRenewDrifted(memberAutoRenew(m), news) || expirePolicyDrifted(m, news));
}
