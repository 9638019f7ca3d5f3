import type { KooPhoneClient } from '../../client';
import type { InstanceGroupInputs, InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import type { GroupEnv } from './group-sync';
import { renewDueMembers } from './group-renewal';
import {
  readMemberSubscriptions,
  reportedSubscriptions,
  withMemberSubscriptions,
  type MemberSubscriptions,
} from './group-subscriptions';
import { expirePolicyDrifted, setExpirePolicy } from '../billing/instance-billing';
import { PartialStateError, describeError } from '../core/partial-state';
import { mapLimit } from '../core/map-limit';
import { subscriptionsByIds } from '../billing/subscription-lookup';
import type { Progress } from '../core/progress';

/** Auto-renew calls in flight at once: the billing API takes one subscription per call. */
const AUTO_RENEW_CONCURRENCY = 8;
const RECORDED_ONLY = ['periodType', 'periodNum', 'autoPay'] as const;

/**
 * Sets auto-renew on the members whose subscription the billing system reports otherwise (`reported`, read by order):
 * one call per member that differs, so an interrupted run resumes with only the rest. Returns how many were changed.
 */
export async function applyAutoRenew(
  client: KooPhoneClient,
  reported: MemberSubscriptions,
  enabled: boolean,
  progress: Progress,
): Promise<number> {
  const differ = [...reported].filter(([, s]) => s.autoRenew !== enabled).map(([id]) => id);
  let done = 0;
  await mapLimit(differ, AUTO_RENEW_CONCURRENCY, async (id) => {
    await client.billing.setAutoRenew(id, enabled);
    progress.status(`auto-renew ${enabled ? 'on' : 'off'}: ${++done}/${differ.length}`, done === differ.length);
  });
  return differ.length;
}

/**
 * Sets (`toPayPerUse`) or cancels (`release`) the change to pay-per-use at expiry on the members whose reported expiry
 * action differs (through the billing folder's `setExpirePolicy`, as for an Instance). Ids the API refuses are listed in
 * the error with the reason.
 */
export async function applyExpirePolicy(
  client: KooPhoneClient,
  reported: MemberSubscriptions,
  policy: 'release' | 'toPayPerUse',
  progress: Progress,
): Promise<number> {
  const differ = [...reported].filter(([, s]) => expirePolicyDrifted(s, { expirePolicy: policy })).map(([id]) => id);
  if (differ.length === 0) return 0;
  await setExpirePolicy(client, { members: differ, progress }, policy);
  return differ.length;
}

/**
 * After the group's phones are in place (create or update): the declared expiry policy and auto-renew applied to every
 * member whose subscription (as last read) differs — newly bought members included — then, on update, the members due
 * for a declared renewal renewed; the subscriptions are read again when anything changed. On failure the phones stay
 * in state with the old billing inputs, so the next `up` sees the change again (a renewal is looked at again first).
 */
export async function settleGroupBilling(
  env: GroupEnv,
  id: string,
  outs: InstanceGroupOutputs,
  olds: Partial<InstanceGroupOutputs> | undefined,
): Promise<InstanceGroupOutputs> {
  const { client, progress } = env;
  const reported = reportedSubscriptions(outs);
  const read = () => readMemberSubscriptions(client, outs.orderIds, outs.instanceIds);
  try {
    let changed = 0;
    // Pay-per-use at expiry and auto-renew exclude each other: cancel one before turning the other on.
    if (outs.expirePolicy === 'release') changed += await applyExpirePolicy(client, reported, 'release', progress);
    changed += await applyAutoRenew(client, reported, outs.charge.autoRenew, progress);
    if (outs.expirePolicy === 'toPayPerUse')
      changed += await applyExpirePolicy(client, reported, 'toPayPerUse', progress);
    if (olds !== undefined) {
      const lookIds = (ids: readonly string[]) => subscriptionsByIds(client, ids);
      changed += await renewDueMembers(client, outs.instanceIds, outs, read, lookIds, progress, env.pollIntervalMs);
    }
    return changed === 0 ? outs : withMemberSubscriptions(outs, await read());
  } catch (err) {
    const { expirePolicy: _p, ...kept } = outs;
    const prior = olds?.expirePolicy === undefined ? {} : { expirePolicy: olds.expirePolicy };
    throw new PartialStateError(
      id,
      { ...kept, ...prior, charge: olds?.charge ?? outs.charge },
      `${describeError(err)}. The group's ${outs.instanceIds.length} phone(s) are kept in the stack; the next \`pulumi up\` ` +
        'applies the rest of its billing settings (and looks at every expiry again before renewing).',
    );
  }
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
