import { KooPhoneOutcomeUnknownError, type KooPhoneClient } from '../../client';
import type { InstanceInputs } from '../../schemas/resources/instance';
import type { RenewSubscriptionsRequest } from '../../schemas/wire/billing';
import type { SubscriptionOutputs } from '../../common/subscription-outputs';
import { progressFor } from '../core/progress';

/**
 * Renewals declared with `renewBeforeDays` (docs/api/billing.md, "Renew"). A renewal costs money and the API has no
 * idempotency key, so: it is sent only after a fresh look shows the expiry inside the window, and after an unknown
 * outcome (lost answer, 5xx) it is never re-sent — the provider looks again and counts a moved expiry as done.
 */

const DAY_MS = 86_400_000;
/** Looks at the expiry after a lost answer: the billing system may move it a moment after paying the order. */
const LOOKS_AFTER_UNKNOWN = 3;

export interface RenewalPeriod {
  periodType: 'month' | 'year';
  periodNum: number;
}

/** True when a subscription expiring at `expireTime` is inside the renewal window (an expired one too). */
export function renewalDue(
  expireTime: string | undefined,
  renewBeforeDays: number | undefined,
  now = Date.now(),
): boolean {
  if (renewBeforeDays === undefined || !expireTime) return false;
  const expiresAt = Date.parse(expireTime);
  return Number.isFinite(expiresAt) && expiresAt - now <= renewBeforeDays * DAY_MS;
}

/** "1 month", "3 years". */
export function describePeriod({ periodType, periodNum }: RenewalPeriod): string {
  return `${periodNum} ${periodType}${periodNum === 1 ? '' : 's'}`;
}

/** The plan line shown at preview: "will renew 1 phone for 1 month (…)". */
export function renewalPlan(phones: number, period: RenewalPeriod, detail: string): string {
  return `will renew ${phones} phone${phones === 1 ? '' : 's'} for ${describePeriod(period)} (${detail})`;
}

/** The renewal of these subscriptions by one declared period, paid at once from the balance. */
export function renewalRequest(resourceIds: string[], period: RenewalPeriod): RenewSubscriptionsRequest {
  return {
    resource_ids: resourceIds,
    period_type: period.periodType === 'year' ? 3 : 2,
    period_num: period.periodNum,
    // Mandatory but documented as ignored by the renewal; the subscription's own policy stays as it is.
    expire_policy: 0,
    is_auto_pay: 1,
  };
}

/** Subscriptions looked at now, by resource id (a phone without one is absent). */
export type SubscriptionLook = (ids: readonly string[]) => Promise<ReadonlyMap<string, SubscriptionOutputs>>;

/**
 * After a renewal's answer was lost: looks at the expiry up to LOOKS_AFTER_UNKNOWN times, `waitMs` apart, and returns
 * the ids whose expiry has not moved past the one seen before the renewal (`before`: id → expireTime). Never re-sends.
 */
export async function unmovedAfterLostAnswer(
  before: ReadonlyMap<string, string>,
  look: SubscriptionLook,
  waitMs: number,
): Promise<{ unmoved: string[]; latest: ReadonlyMap<string, SubscriptionOutputs> }> {
  let unmoved = [...before.keys()];
  let latest: ReadonlyMap<string, SubscriptionOutputs> = new Map();
  for (let i = 0; i < LOOKS_AFTER_UNKNOWN && unmoved.length > 0; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, waitMs));
    latest = await look(unmoved);
    const moved = (id: string) => Date.parse(latest.get(id)?.expireTime ?? '') > Date.parse(before.get(id) ?? '');
    unmoved = unmoved.filter((id) => !moved(id));
  }
  return { unmoved, latest };
}

export type RenewalOutcome =
  { kind: 'renewed'; orderIds: string[] } | { kind: 'renewed-answer-lost' } | { kind: 'not-due' };

/**
 * Renews one phone's subscription by its declared period when, looked at now, it is still due. `look` reads the
 * subscription fresh (undefined: the phone has none). Throws when the outcome stays unknown: the renewal is not
 * re-sent, and the next `up` looks again before deciding.
 */
export async function renewIfDue(
  client: KooPhoneClient,
  instanceId: string,
  inputs: Pick<InstanceInputs, 'renewBeforeDays' | 'charge' | 'resourceUrn'>,
  look: () => Promise<SubscriptionOutputs | undefined>,
  waitMs: number,
): Promise<RenewalOutcome> {
  if (inputs.renewBeforeDays === undefined) return { kind: 'not-due' };
  const before = await look();
  if (!before || !renewalDue(before.expireTime, inputs.renewBeforeDays)) return { kind: 'not-due' };
  try {
    const orderIds = await client.billing.renew(renewalRequest([instanceId], inputs.charge));
    progressFor(inputs.resourceUrn).warn(
      `renewed phone ${instanceId} for ${describePeriod(inputs.charge)} (was expiring ${before.expireTime}; order ${orderIds.join(', ') || 'unknown'})`,
    );
    return { kind: 'renewed', orderIds };
  } catch (err) {
    if (!(err instanceof KooPhoneOutcomeUnknownError)) throw err;
    const lookOne: SubscriptionLook = async () => {
      const sub = await look();
      return new Map(sub ? [[instanceId, sub]] : []);
    };
    const { unmoved, latest } = await unmovedAfterLostAnswer(
      new Map([[instanceId, before.expireTime]]),
      lookOne,
      waitMs,
    );
    if (unmoved.length === 0) {
      progressFor(inputs.resourceUrn).warn(
        `renewed phone ${instanceId} for ${describePeriod(inputs.charge)}: the answer was lost, the expiry moved to ${latest.get(instanceId)?.expireTime}`,
      );
      return { kind: 'renewed-answer-lost' };
    }
    throw new Error(
      `${err.message}. The renewal of phone ${instanceId} may or may not have been paid: its expiry (${before.expireTime}) has not ` +
        'moved yet, so it was not sent again. Check the Huawei Cloud Billing Center (Orders); the next `pulumi up` looks at the ' +
        'expiry again before renewing.',
    );
  }
}

/**
 * At diff: whether a declared renewal is due for this phone, by a live look at its expiry (state may be days old).
 * When it is, the plan says so beside the resource: "will renew 1 phone for 1 month (…)".
 */
export async function renewalPlanned(
  instanceId: string,
  inputs: Pick<InstanceInputs, 'renewBeforeDays' | 'charge' | 'resourceUrn'>,
  look: () => Promise<SubscriptionOutputs | undefined>,
  /** The renewal's cost for the plan line (`: CNY 299.00 at list price`). */
  price?: (phones: number) => Promise<string>,
): Promise<boolean> {
  if (inputs.renewBeforeDays === undefined) return false;
  const sub = await look();
  if (!sub || !renewalDue(sub.expireTime, inputs.renewBeforeDays)) return false;
  progressFor(inputs.resourceUrn).warn(
    renewalPlan(
      1,
      inputs.charge,
      `phone ${instanceId} expires ${sub.expireTime}, within renewBeforeDays: ${inputs.renewBeforeDays}; paid from the account balance`,
    ) + ((await price?.(1)) ?? ''),
  );
  return true;
}
