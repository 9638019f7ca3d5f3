import { KooPhoneOutcomeUnknownError, type KooPhoneClient } from '../../client';
import type { SubscriptionOutputs } from '../../common/subscription-outputs';
import type { InstanceGroupInputs } from '../../schemas/resources/instance-group';
import { RENEW_IDS_MAX } from '../../schemas/wire/billing';
import { chunk } from './group-plan';
import type { MemberSubscriptions } from './group-subscriptions';
import { describeError } from '../core/partial-state';
import type { Progress } from '../core/progress';
import {
  describePeriod,
  renewalDue,
  renewalPlan,
  renewalRequest,
  unmovedAfterLostAnswer,
  type SubscriptionLook,
} from '../billing/renewal';

/**
 * Declared renewals of an InstanceGroup's members (`renewBeforeDays`), under renewal.ts's money rules: sent only
 * after a fresh look, in calls of ≤ 10 ids, and never re-sent after an unknown outcome (a moved expiry counts as done).
 */

type RenewalInputs = Pick<InstanceGroupInputs, 'renewBeforeDays' | 'charge'>;

/** Members whose subscription expires inside the window, soonest first. */
function dueMembers(memberIds: readonly string[], subs: MemberSubscriptions, renewBeforeDays: number): string[] {
  const expiry = (id: string) => Date.parse(subs.get(id)?.expireTime ?? '');
  return memberIds
    .filter((id) => renewalDue(subs.get(id)?.expireTime, renewBeforeDays))
    .sort((a, b) => expiry(a) - expiry(b));
}

/**
 * At diff: whether members are due for a declared renewal, by a live look (state may be days old). When they are,
 * the plan says so beside the resource: "will renew 12 phones for 1 month (…)".
 */
export async function groupRenewalPlanned(
  memberIds: readonly string[],
  inputs: RenewalInputs,
  look: () => Promise<MemberSubscriptions>,
  progress: Progress,
  /** The renewal's cost for the plan line (`: CNY 2,990.00 at list price`). */
  price?: (phones: number) => Promise<string>,
): Promise<boolean> {
  if (inputs.renewBeforeDays === undefined || memberIds.length === 0) return false;
  const subs = await look();
  const due = dueMembers(memberIds, subs, inputs.renewBeforeDays);
  if (due.length === 0) return false;
  const first = subs.get(due[0])?.expireTime;
  progress.warn(
    renewalPlan(
      due.length,
      inputs.charge,
      `${due.length} of the group's ${memberIds.length} phones expire within renewBeforeDays: ${inputs.renewBeforeDays}, ` +
        `the first ${first}; in ${Math.ceil(due.length / RENEW_IDS_MAX)} renewal call(s), paid from the account balance`,
    ) + ((await price?.(due.length)) ?? ''),
  );
  return true;
}

/**
 * Renews the members due now, by a fresh look, in calls of ≤ 10 ids with the declared period. A call whose outcome is
 * unknown is not re-sent: its members are looked at again and those whose expiry moved count as renewed; the others
 * fail the update with a message saying so. A refused call stops the rest. Returns how many members were renewed.
 */
export async function renewDueMembers(
  client: KooPhoneClient,
  memberIds: readonly string[],
  inputs: RenewalInputs,
  look: () => Promise<MemberSubscriptions>,
  lookIds: SubscriptionLook,
  progress: Progress,
  waitMs: number,
): Promise<number> {
  if (inputs.renewBeforeDays === undefined || memberIds.length === 0) return 0;
  const before = await look();
  const due = dueMembers(memberIds, before, inputs.renewBeforeDays);
  if (due.length === 0) return 0;
  const expiryBefore = (id: string) => (before.get(id) as SubscriptionOutputs).expireTime;
  let renewed = 0;
  const lost = new Map<string, string>();
  let lostError: KooPhoneOutcomeUnknownError | undefined;
  let refusal: unknown;
  for (const ids of chunk(due, RENEW_IDS_MAX)) {
    try {
      await client.billing.renew(renewalRequest(ids, inputs.charge));
      renewed += ids.length;
    } catch (err) {
      if (!(err instanceof KooPhoneOutcomeUnknownError)) {
        refusal = err;
        break;
      }
      lostError = err;
      for (const id of ids) lost.set(id, expiryBefore(id));
    }
    progress.status(`renewed: ${renewed}/${due.length}`);
  }
  const { unmoved } = lost.size > 0 ? await unmovedAfterLostAnswer(lost, lookIds, waitMs) : { unmoved: [] };
  renewed += lost.size - unmoved.length;
  progress.status(`renewed: ${renewed}/${due.length}`, true);
  if (renewed > 0) progress.warn(`renewed ${renewed} phone(s) of the group for ${describePeriod(inputs.charge)}`);
  const problems: string[] = [];
  if (unmoved.length > 0) {
    problems.push(
      `${lostError?.message ?? 'the renewal answer was lost'}. The renewal of ${unmoved.length} phone(s) (${unmoved.slice(0, 10).join(', ')}` +
        `${unmoved.length > 10 ? ', …' : ''}) may or may not have been paid: their expiry has not moved yet, so it was not sent ` +
        'again. Check the Huawei Cloud Billing Center (Orders); the next `pulumi up` looks at the expiry again before renewing',
    );
  }
  if (refusal !== undefined) problems.push(`the billing API refused a renewal: ${describeError(refusal)}`);
  if (problems.length > 0)
    throw new Error(`${problems.join('; ')}. ${renewed} of ${due.length} due phone(s) were renewed`);
  return renewed;
}
