import type { BssErrorDetail, KooPhoneClient } from '../../client';
import type { SubscriptionOutputs } from '../../common/subscription-outputs';
import type { InstanceInputs, InstanceOutputs } from '../../schemas/resources/instance';
import { PartialStateError, describeError } from '../core/partial-state';
import { progressFor, type Progress } from '../core/progress';
import { subscriptionLookup, subscriptionsByIds } from './subscription-lookup';

/**
 * An Instance's subscription through Huawei Cloud's billing API (docs/api/billing.md): the phone's billing resource
 * id is its instance id (inferred). Billing changes never replace the phone: auto-renew is changed on the existing
 * subscription; period and payment settings can only apply to phones bought later, so they are recorded and warned.
 */

/** The phone's subscription as the billing API reports it; undefined when it has none (pay-per-use, released). */
export async function readSubscription(
  client: KooPhoneClient,
  instanceId: string,
): Promise<SubscriptionOutputs | undefined> {
  return (await subscriptionsByIds(client, [instanceId])).get(instanceId);
}

/** Outputs with the subscription read back (an Instance, or a group member); one without drops stale subscription outputs. */
export function withSubscription<T extends Partial<SubscriptionOutputs>>(
  outs: T,
  sub: SubscriptionOutputs | undefined,
): T {
  const { expireTime: _e, autoRenew: _a, subscriptionStatus: _s, expiryAction: _x, ...rest } = outs;
  return (sub ? { ...rest, ...sub } : rest) as T;
}

/** Declared auto-renew differs from what the billing system reports (changed in the Billing Center, or not applied). */
export function autoRenewDrifted(
  reported: Partial<Pick<SubscriptionOutputs, 'autoRenew'>>,
  news: { charge: { autoRenew: boolean } },
): boolean {
  return reported.autoRenew !== undefined && reported.autoRenew !== news.charge.autoRenew;
}

/**
 * Declared expirePolicy differs from what the billing system reports. With auto-renew on the query reports only
 * "auto-renew" (expire_policy 3), which hides the pay-per-use setting: it counts as `release` (toPayPerUse with
 * auto-renew is refused at check).
 */
export function expirePolicyDrifted(
  reported: Partial<Pick<SubscriptionOutputs, 'expiryAction'>>,
  news: Pick<InstanceInputs, 'expirePolicy'>,
): boolean {
  if (news.expirePolicy === undefined || reported.expiryAction === undefined) return false;
  return (reported.expiryAction === 'toPayPerUse' ? 'toPayPerUse' : 'release') !== news.expirePolicy;
}

/** `expirePolicy: toPayPerUse` with `charge.autoRenew: true` (a renewed subscription never reaches expiry): refused at check. */
export function expirePolicyConflict(
  inputs: Pick<InstanceInputs, 'expirePolicy' | 'charge'>,
): { property: string; reason: string }[] {
  if (inputs.expirePolicy !== 'toPayPerUse' || !inputs.charge.autoRenew) return [];
  return [
    {
      property: 'expirePolicy',
      reason:
        '"toPayPerUse" cannot be combined with charge.autoRenew: true (a renewed subscription never reaches expiry); turn one off',
    },
  ];
}

/**
 * Whose change to pay-per-use at expiry is set: one `Instance`'s phone (a refusal fails its update, nothing else
 * changed), or a group's members (progress reported; the error lists every refused id with its reason).
 */
export type ExpiryTarget = { phone: string } | { members: readonly string[]; progress: Progress };

/**
 * Sets (`toPayPerUse`) or cancels (`release`) the change to pay-per-use at expiry, in to-on-demand calls of ≤ 100 ids
 * (the client splits them). The one place the expire policy reaches the billing API, for an Instance and a group alike.
 */
export async function setExpirePolicy(
  client: KooPhoneClient,
  target: ExpiryTarget,
  policy: 'release' | 'toPayPerUse',
): Promise<void> {
  const ids = 'phone' in target ? [target.phone] : target.members;
  const failed = await client.billing.setPayPerUseAtExpiry(ids, policy === 'toPayPerUse');
  if ('members' in target)
    target.progress.status(`expirePolicy ${policy}: ${ids.length - failed.length}/${ids.length}`, true);
  if (failed.length === 0) return;
  const reason = (f: BssErrorDetail) => `${f.error_msg ?? 'no reason given'} (${f.error_code ?? 'no code'})`;
  const refused =
    `expirePolicy: the billing API refused to ${policy === 'toPayPerUse' ? 'set' : 'cancel'} the change to ` +
    'pay-per-use at expiry for ';
  throw new Error(
    'phone' in target
      ? `${refused}phone ${target.phone}: ${reason(failed[0])}. Nothing else was changed.`
      : `${refused}${failed.length} of ${ids.length} phone(s): ` +
          failed.map((f) => `${f.resource_id ?? '?'}: ${reason(f)}`).join('; '),
  );
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
  const policyChange =
    expirePolicyDrifted(olds, news) ||
    (news.expirePolicy !== undefined && olds.expiryAction === undefined && olds.expirePolicy !== news.expirePolicy);
  // Pay-per-use at expiry and auto-renew exclude each other: cancel one before turning the other on.
  if (policyChange && news.expirePolicy === 'release') await setExpirePolicy(client, { phone: instanceId }, 'release');
  if (reported !== news.charge.autoRenew) await client.billing.setAutoRenew(instanceId, news.charge.autoRenew);
  if (policyChange && news.expirePolicy === 'toPayPerUse')
    await setExpirePolicy(client, { phone: instanceId }, 'toPayPerUse');
  const changed = RECORDED_ONLY.filter((k) => olds.charge !== undefined && olds.charge[k] !== news.charge[k]);
  if (changed.length > 0) {
    progressFor(news.resourceUrn).warn(
      `charge.${changed.join(', charge.')} changed: recorded for a phone bought from now on (a replacement); phone ${instanceId} keeps ` +
        'its current subscription. To change it, renew it for another period in the Huawei Cloud Billing Center (Renewals).',
    );
  }
}

/**
 * After a purchase: the declared expirePolicy applied (a new subscription is released at expiry, so only
 * `toPayPerUse` needs a call) and the subscription read back. The phone is bought either way: a failure keeps it in
 * state without `expirePolicy`, so the next `up` applies it.
 */
export async function withDeclaredExpiry(
  client: KooPhoneClient,
  bought: { id: string; outs: InstanceOutputs },
): Promise<{ id: string; outs: InstanceOutputs }> {
  try {
    if (bought.outs.expirePolicy === 'toPayPerUse') await setExpirePolicy(client, { phone: bought.id }, 'toPayPerUse');
    return { id: bought.id, outs: withSubscription(bought.outs, await subscriptionLookup(client).get(bought.id)) };
  } catch (err) {
    const { expirePolicy: _p, ...kept } = bought.outs;
    throw new PartialStateError(
      bought.id,
      kept,
      `phone ${bought.id} was bought, but its expirePolicy was not applied yet: ${describeError(err)}. It is kept in the stack; ` +
        'the next `pulumi up` applies it.',
    );
  }
}
