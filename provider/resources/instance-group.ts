import { isDeepStrictEqual } from 'node:util';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import {
  INSTANCE_GROUP_REPLACE_PROPERTIES,
  instanceGroupInputsSchema,
  type InstanceGroupInputs,
  type InstanceGroupOutputs,
} from '../schemas/resources/instance-group';
import { checkInputs } from './check-inputs';
import { applyAutoRenew, warnRecordedOnly } from './group-billing';
import { deleteGroup, readGroup, syncGroup, type GroupEnv, type GroupTarget } from './group-sync';
import { randomSuffix } from './instance';
import { PartialStateError, describeError } from './partial-state';
import { progressFor } from './progress';
import { configureRuntime, getClient, getDirectory, getSkuCatalogue, pollIntervalMs } from './runtime';
import { buysNewSpec, checkSpecAgainstCatalogue } from './spec-check';

/** Inputs changed in place: billing settings apply to the group's next orders; the waits only to this run. */
const IN_PLACE_PROPERTIES = ['size', 'charge', 'waitForReady', 'readyTimeoutSeconds'] as const;

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
    if (buysNewSpec(prior, inputs)) {
      const failures = await checkSpecAgainstCatalogue(inputs, getSkuCatalogue);
      if (failures.length > 0) return { failures };
    }
    return { inputs };
  },

  async diff(_id, olds, news) {
    const replaces = INSTANCE_GROUP_REPLACE_PROPERTIES.filter((k) => !isDeepStrictEqual(olds[k], news[k]));
    const inPlace = IN_PLACE_PROPERTIES.some((k) => !isDeepStrictEqual(olds[k], news[k]));
    // Delete before replace: the new group orders under the same stable name prefix, so the old phones go first.
    return {
      changes: replaces.length > 0 || inPlace || needsRepair(olds, news.size),
      replaces,
      deleteBeforeReplace: true,
    };
  },

  async create(inputs) {
    const target = targetOf(inputs);
    const outs = await syncGroup(envFor(inputs), target.uniqueNamePrefix, target, undefined);
    return { id: target.uniqueNamePrefix, outs };
  },

  async read(id, props) {
    if (!props?.uniqueNamePrefix)
      throw new Error(`InstanceGroup ${id} cannot be imported: create the group with pulumi up`);
    return { id, props: await readGroup(envFor(props), props) };
  },

  /**
   * Size, waits and billing change in place: auto-renew on the existing members' subscriptions (never a new phone);
   * period and payment settings apply to phones bought from now on. It also resumes a group left unfinished.
   */
  async update(id, olds, news) {
    const env = envFor(news);
    warnRecordedOnly(olds, news, env.progress);
    const target: GroupTarget = { ...news, uniqueNamePrefix: olds.uniqueNamePrefix };
    const outs = await syncGroup(env, id, target, olds);
    if (olds.charge?.autoRenew === news.charge.autoRenew) return { outs };
    try {
      await applyAutoRenew(env.client, outs.instanceIds, news.charge.autoRenew, env.progress);
    } catch (err) {
      // The old charge stays recorded, so the next up sees the change again and sets the remaining subscriptions.
      throw new PartialStateError(
        id,
        { ...outs, charge: olds.charge },
        `could not set auto-renew on every phone of the group: ${describeError(err)}. No phone was bought or removed; run \`pulumi up\` again.`,
      );
    }
    return { outs };
  },

  async delete(_id, props) {
    await deleteGroup(envFor(props), props);
  },
};

export type { InstanceGroupInputs, InstanceGroupOutputs };
