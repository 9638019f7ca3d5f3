import { isDeepStrictEqual } from 'node:util';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import {
  INSTANCE_GROUP_REPLACE_PROPERTIES,
  instanceGroupInputsSchema,
  type InstanceGroupInputs,
  type InstanceGroupOutputs,
} from '../../schemas/resources/instance-group';
import { checkInputs } from '../core/check-inputs';
import { adoptionConflict, adoptionFailures } from './group-adoption';
import { settleGroupBilling, warnRecordedOnly } from './group-billing';
import { groupRenewalPlanned } from './group-renewal';
import { membersDrifted, readMemberSubscriptions } from './group-subscriptions';
import { deleteGroup, readGroup, syncGroup, type GroupEnv, type GroupTarget } from './group-sync';
import { randomSuffix } from '../purchase/order-request';
import { moneyEnv, renewalPrice } from '../purchase/money-env';
import { guardPurchase } from '../purchase/money-guard';
import { gatedCheck } from '../purchase/purchase-gate';
import { expirePolicyConflict } from '../billing/instance-billing';
import { progressFor } from '../core/progress';
import { configureRuntime, getClient, getDirectory, getSkuCatalogue, pollIntervalMs } from '../core/runtime';
import { buysNewSpec, checkSpecAgainstCatalogue } from '../purchase/spec-check';

/**
 * Inputs changed in place: billing settings on the members' subscriptions (and the group's next orders); the waits
 * only to this run.
 */
const IN_PLACE_PROPERTIES = [
  'size',
  'adoptInstanceIds',
  'charge',
  'renewBeforeDays',
  'expirePolicy',
  'waitForReady',
  'readyTimeoutSeconds',
] as const;

function envFor(props: { resourceUrn?: string }): GroupEnv {
  return {
    client: getClient(),
    directory: getDirectory(),
    pollIntervalMs: pollIntervalMs(),
    progress: progressFor(props.resourceUrn),
  };
}

function targetOf(inputs: InstanceGroupInputs & { uniqueNamePrefix?: string }): GroupTarget {
  return { ...inputs, uniqueNamePrefix: inputs.uniqueNamePrefix ?? `${inputs.namePrefix ?? 'kp'}-${randomSuffix()}` };
}

/** The group is not what its inputs ask for: fewer/more members than `size` (drift), or an order left unconfirmed. */
function needsRepair(olds: Partial<InstanceGroupOutputs>, size: number): boolean {
  return (olds.instanceIds?.length ?? 0) !== size || (olds.pendingOrders?.length ?? 0) > 0;
}

export const instanceGroupProvider: dynamic.ResourceProvider<
  InstanceGroupInputs & { uniqueNamePrefix?: string },
  InstanceGroupOutputs
> = {
  configure: configureRuntime,

  async check(olds, news) {
    const result = checkInputs(instanceGroupInputsSchema, news as unknown as Record<string, unknown>);
    if (!result.inputs) return { failures: result.failures };
    const conflict = expirePolicyConflict(result.inputs);
    if (conflict.length > 0) return { failures: conflict };
    const inputs: InstanceGroupInputs & { uniqueNamePrefix?: string } = {
      ...result.inputs,
      namePrefix: result.inputs.namePrefix ?? 'kp',
    };
    // One name prefix for the life of the group; every order's prefix extends it, so any phone the group ever
    // ordered is found again by name. A new group's comes from the SDK's stable createKey.
    const prior = olds as Partial<InstanceGroupOutputs> | undefined;
    const keep = prior?.uniqueNamePrefix && prior.namePrefix === inputs.namePrefix;
    inputs.uniqueNamePrefix = keep
      ? prior.uniqueNamePrefix
      : `${inputs.namePrefix}-${inputs.createKey ?? randomSuffix()}`;
    // Nothing is bought before the spec is known to be sold: a new or changed spec is checked against the live
    // catalogue at preview (one shared catalogue read per deployment).
    const newSpec = buysNewSpec(prior, inputs);
    if (newSpec) {
      const failures = await checkSpecAgainstCatalogue(inputs, getSkuCatalogue);
      if (failures.length > 0) return { failures };
    }
    // Adopted phones are judged here, at preview: a refused adoption stops the deployment before anything is bought.
    const adoption = await adoptionFailures(inputs.resourceUrn ?? inputs.uniqueNamePrefix ?? '', inputs, prior, {
      snapshot: () => getDirectory().snapshot(),
      catalogue: getSkuCatalogue,
    });
    if (adoption.length > 0) return { failures: adoption };
    // A new spec buys the whole group but the adopted phones; otherwise a scale-up buys the members added (old
    // inputs hold no member list), less the phones adopted since.
    const adopted = (ids: readonly string[] | undefined) => new Set(ids ?? []);
    const newlyAdopted = [...adopted(inputs.adoptInstanceIds)].filter(
      (id) => newSpec || !adopted(prior?.adoptInstanceIds).has(id),
    ).length;
    const phones = Math.max(0, (newSpec ? inputs.size : inputs.size - (prior?.size ?? 0)) - newlyAdopted);
    const money = await guardPurchase(moneyEnv, {
      urn: inputs.resourceUrn,
      phones,
      spec: inputs,
      countProperty: 'size',
    });
    if (money.length > 0) return { failures: money };
    return { inputs };
  },

  async diff(_id, olds, news) {
    const conflict = adoptionConflict(news.resourceUrn ?? olds.uniqueNamePrefix, olds, news);
    if (conflict) throw new Error(conflict);
    const replaces = INSTANCE_GROUP_REPLACE_PROPERTIES.filter((k) => !isDeepStrictEqual(olds[k], news[k]));
    // Looked at live on every diff (state may be days old), so the plan always says what a renewal will buy.
    const members = olds.instanceIds ?? [];
    const renewal =
      replaces.length === 0 &&
      (await groupRenewalPlanned(
        members,
        news,
        () => readMemberSubscriptions(getClient(), olds.orderIds ?? [], members),
        progressFor(news.resourceUrn),
        (n) => renewalPrice(news, n),
      ));
    // A member's auto-renew or expiry action changed in the Billing Center is drift that `up` repairs in place.
    const inPlace =
      IN_PLACE_PROPERTIES.some((k) => !isDeepStrictEqual(olds[k], news[k])) || membersDrifted(olds, news) || renewal;
    // Delete before replace: the new group orders under the same stable name prefix, so the old phones go first.
    return {
      changes: replaces.length > 0 || inPlace || needsRepair(olds, news.size),
      replaces,
      deleteBeforeReplace: true,
    };
  },

  async create(inputs) {
    const target = targetOf(inputs);
    const env = envFor(inputs);
    const outs = await syncGroup(env, target.uniqueNamePrefix, target, undefined);
    return {
      id: target.uniqueNamePrefix,
      outs: await settleGroupBilling(env, target.uniqueNamePrefix, outs, undefined),
    };
  },

  async read(id, props) {
    if (!props?.uniqueNamePrefix)
      throw new Error(`InstanceGroup ${id} cannot be imported: create the group with pulumi up`);
    return { id, props: await readGroup(envFor(props), props) };
  },

  /**
   * Size, waits and billing change in place: auto-renew and expiry policy on the members' existing subscriptions where
   * the billing system reports otherwise (never a new phone), declared renewals of members about to expire; period and
   * payment settings apply to phones bought from now on. It also resumes a group left unfinished.
   */
  async update(id, olds, news) {
    const env = envFor(news);
    warnRecordedOnly(olds, news, env.progress);
    const target: GroupTarget = { ...news, uniqueNamePrefix: olds.uniqueNamePrefix };
    const outs = await syncGroup(env, id, target, olds);
    return { outs: await settleGroupBilling(env, id, outs, olds) };
  },

  async delete(_id, props) {
    await deleteGroup(envFor(props), props);
  },
};

// Purchases wait for the deployment's checks and refuse while one fails (purchase-gate.ts).
instanceGroupProvider.check = gatedCheck(instanceGroupProvider.check!);

export type { InstanceGroupInputs, InstanceGroupOutputs };
