import type { KooPhoneClient } from '../../client';
import type { SubscriptionOutputs } from '../../common/subscription-outputs';
import type { InstanceInputs, InstanceOutputs } from '../../schemas/resources/instance';
import { PartialStateError, describeError } from '../core/partial-state';
import { progressFor } from '../core/progress';
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

/** Sets or cancels the change to pay-per-use at expiry; a refusal for this phone fails the update with its reason. */
async function applyExpirePolicy(client: KooPhoneClient, instanceId: string, toPayPerUse: boolean): Promise<void> {
  const [failed] = await client.billing.setPayPerUseAtExpiry([instanceId], toPayPerUse);
  if (failed) {
    throw new Error(
      `expirePolicy: the billing API refused to ${toPayPerUse ? 'set' : 'cancel'} the change to pay-per-use at expiry for phone ` +
        `${instanceId}: ${failed.error_msg ?? 'no reason given'} (${failed.error_code ?? 'no code'}). Nothing else was changed.`,
    );
  }
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
  if (policyChange && news.expirePolicy === 'release') await applyExpirePolicy(client, instanceId, false);
  if (reported !== news.charge.autoRenew) await client.billing.setAutoRenew(instanceId, news.charge.autoRenew);
  if (policyChange && news.expirePolicy === 'toPayPerUse') await applyExpirePolicy(client, instanceId, true);
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
    if (bought.outs.expirePolicy === 'toPayPerUse') await applyExpirePolicy(client, bought.id, true);
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
