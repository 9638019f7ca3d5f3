import { randomBytes } from 'node:crypto';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import { KooPhoneOutcomeUnknownError, PayPerUseNotDeletableError, type KooPhoneClient } from '../client';
import {
  INSTANCE_REPLACE_PROPERTIES,
  NAME_SUFFIX_LENGTH,
  instanceInputsSchema,
  type InstanceInputs,
  type InstanceOutputs,
  type InstanceState,
} from '../schemas/resources/instance';
import { checkInputs, definedOnly } from './check-inputs';
import { waitForInstance, type InstanceDirectory, type InstanceRecord } from './instance-directory';
import { PartialStateError, describeError } from './partial-state';
import { configureRuntime, getClient, getDirectory, pollIntervalMs } from './runtime';
import { isDeepStrictEqual } from 'node:util';

const RUNNING = 2;
const GOING_OFFLINE = 3;
/** Create attempts for one phone; each attempt after the first looks the phone up before buying. */
const MAX_CREATE_ATTEMPTS = 3;
/** Lookups of a phone whose create outcome is unknown, before concluding it was not bought. */
const RECONCILE_LOOKUPS = 3;
const DELETE_TIMEOUT_MS = 30 * 60 * 1000;

/** Lower-case letters and digits, one per byte: the alphabet of every name-prefix suffix (random or createKey). */
export function suffixFromBytes(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A random suffix, for an Instance created without the SDK's createKey. */
export function randomSuffix(length = NAME_SUFFIX_LENGTH): string {
  return suffixFromBytes(randomBytes(length));
}

export function stateFromRecord(record: InstanceRecord, orderId: string, adopted: boolean): InstanceState {
  return {
    instanceId: record.instance_id,
    instanceName: record.instance_name ?? '',
    orderId,
    runningStatus: record.running_status ?? 0,
    frozenStatus: record.frozen_status ?? 0,
    loginStatus: record.login_status ?? 0,
    assignStatus: record.assign_status ?? 0,
    assignUser: record.assign_user ?? '',
    billingMode: record.billing_mode ?? '',
    instanceSku: record.instance_sku ?? '',
    region: record.region ?? '',
    regionNameEn: record.region_name_en ?? '',
    projectId: record.project_id ?? '',
    projectName: record.project_name ?? '',
    adopted,
  };
}

function outputsOf(inputs: InstanceInputs, state: InstanceState): InstanceOutputs {
  return definedOnly({ ...inputs, ...state });
}

function createRequest(inputs: InstanceInputs, uniquePrefix: string) {
  return definedOnly({
    os: inputs.os,
    instanceSkuId: inputs.instanceSkuId,
    bandSkuId: inputs.bandSkuId,
    regionId: inputs.regionId,
    instanceNamePrefix: uniquePrefix,
    bandSize: inputs.bandSize,
    count: 1,
    network: inputs.network,
    instanceType: inputs.instanceType,
    sceneType: inputs.sceneType,
    chargeParam: {
      chargingMode: 1,
      periodType: inputs.charge.periodType === 'year' ? 3 : 2,
      periodNum: inputs.charge.periodNum,
      isAutoPay: inputs.charge.autoPay ? 1 : 0,
      isAutoRenew: inputs.charge.autoRenew ? 1 : 0,
    },
  });
}

/** A phone named under `prefix` that is not on its way out (an unsubscribed phone goes offline, status 3). */
async function findLive(directory: InstanceDirectory, prefix: string, maxAgeMs?: number): Promise<InstanceRecord | undefined> {
  return (await directory.findByNamePrefix(prefix, maxAgeMs)).find((r) => r.running_status !== GOING_OFFLINE);
}

/** Looks for a phone bought under `prefix`, a few times, since an order may surface with a delay. */
async function reconcile(directory: InstanceDirectory, prefix: string): Promise<InstanceRecord | undefined> {
  for (let i = 0; i < RECONCILE_LOOKUPS; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, pollIntervalMs()));
    const found = await findLive(directory, prefix, 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * Buys exactly one phone under `prefix`. The create call is never blindly retried: when its outcome is
 * unknown (timeout, 5xx, lost response) the phone is looked up by its unique prefix first, and a second
 * order is sent only when none exists.
 */
export async function buyOnePhone(
  client: KooPhoneClient,
  directory: InstanceDirectory,
  inputs: InstanceInputs,
  prefix: string,
): Promise<{ instanceId: string; orderId: string; confirmedAt: number }> {
  // A phone under this prefix may already exist: an earlier `up` bought it but was killed before saving state.
  // Any listing this process holds is new enough (that phone predates the process; only this resource orders
  // under this prefix), so a whole fleet's creates share one listing.
  const earlier = await findLive(directory, prefix, Number.POSITIVE_INFINITY);
  if (earlier) return { instanceId: earlier.instance_id, orderId: '', confirmedAt: Date.now() };
  let lastError: unknown;
  for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      const existing = await reconcile(directory, prefix);
      if (existing) return { instanceId: existing.instance_id, orderId: '', confirmedAt: Date.now() };
    }
    try {
      const created = await client.createInstances(createRequest(inputs, prefix));
      const info = created.instanceInfos[0];
      if (!info) throw new Error(`the create call returned order ${created.orderId} without an instance id`);
      // No invalidate(): readers of this phone ask for a listing started after confirmedAt instead.
      return { instanceId: info.instanceId, orderId: created.orderId, confirmedAt: Date.now() };
    } catch (err) {
      directory.invalidate();
      if (!(err instanceof KooPhoneOutcomeUnknownError)) throw err; // a definite refusal bought nothing
      lastError = err;
    }
  }
  // Every attempt's outcome stayed unknown; a last look decides whether something was bought.
  const existing = await reconcile(directory, prefix);
  if (existing) return { instanceId: existing.instance_id, orderId: '', confirmedAt: Date.now() };
  throw new Error(
    `could not confirm the purchase of a phone named "${prefix}-*" after ${MAX_CREATE_ATTEMPTS} attempts and no such phone exists; ` +
      `nothing was bought as far as the API shows. Last error: ${describeError(lastError)}`,
  );
}

async function waitUntilRunning(inputs: InstanceInputs, instanceId: string, notBefore?: number): Promise<InstanceRecord> {
  const record = await waitForInstance(getDirectory(), instanceId, (r) => r === undefined || r.running_status === RUNNING, {
    timeoutMs: inputs.readyTimeoutSeconds * 1000,
    intervalMs: pollIntervalMs(),
    what: 'to reach running status',
    notBefore,
  });
  if (!record) throw new Error(`phone ${instanceId} disappeared while it was provisioning`);
  return record;
}

/** `notBefore`: when the phone was confirmed bought; listings older than that cannot show it. */
async function settle(inputs: InstanceInputs, instanceId: string, orderId: string, adopted: boolean, notBefore?: number): Promise<InstanceOutputs> {
  const record = inputs.waitForReady ? await waitUntilRunning(inputs, instanceId, notBefore) : await getDirectory().get(instanceId, 0);
  if (!record) throw new Error(`phone ${instanceId} is not in the instance list`);
  return outputsOf(inputs, stateFromRecord(record, orderId, adopted));
}

/** Keeps a bought phone in state whatever happens after the purchase. */
async function settleOrKeep(
  inputs: InstanceInputs,
  instanceId: string,
  orderId: string,
  adopted: boolean,
  notBefore?: number,
): Promise<InstanceOutputs> {
  try {
    return await settle(inputs, instanceId, orderId, adopted, notBefore);
  } catch (err) {
    const partial = definedOnly({ ...inputs, instanceId, orderId, adopted });
    throw new PartialStateError(
      instanceId,
      partial,
      `phone ${instanceId} exists (order ${orderId || 'unknown'}) but is not ready: ${describeError(err)}. ` +
        'It is kept in the stack; the next `pulumi up` resumes waiting instead of buying again.',
    );
  }
}

export const instanceProvider: dynamic.ResourceProvider<InstanceInputs, InstanceOutputs> = {
  configure: configureRuntime,

  async check(olds, news) {
    const result = checkInputs(instanceInputsSchema, news as unknown as Record<string, unknown>);
    if (!result.inputs) return { failures: result.failures };
    const inputs = { ...result.inputs, namePrefix: result.inputs.namePrefix ?? 'kp' };
    // Keep the unique prefix for the life of the phone. A new phone's prefix comes from the SDK's stable createKey,
    // so a create interrupted before Pulumi saved its result is found again by name on the next `up`.
    const keep = olds?.uniqueNamePrefix && olds.namePrefix === inputs.namePrefix;
    inputs.uniqueNamePrefix = keep ? olds.uniqueNamePrefix : `${inputs.namePrefix}-${inputs.createKey ?? randomSuffix()}`;
    return { inputs };
  },

  async diff(_id, olds, news) {
    const replaces = INSTANCE_REPLACE_PROPERTIES.filter((k) => !isDeepStrictEqual(olds[k], news[k]));
    const inPlace = (['waitForReady', 'readyTimeoutSeconds'] as const).some((k) => olds[k] !== news[k]);
    // Delete before replace: the new phone reuses the resource's stable name prefix, so the old phone must be gone
    // before the new one is bought (and an adopted pay-per-use phone, which cannot be deleted, is never paid twice).
    return { changes: replaces.length > 0 || inPlace, replaces, deleteBeforeReplace: true };
  },

  async create(inputs) {
    const directory = getDirectory();
    if (inputs.adoptInstanceId) {
      const record = await directory.get(inputs.adoptInstanceId, 0);
      if (!record) throw new Error(`adoptInstanceId: no phone ${inputs.adoptInstanceId} exists in this account`);
      const outs = await settle(inputs, record.instance_id, '', true);
      return { id: record.instance_id, outs };
    }
    const prefix = inputs.uniqueNamePrefix ?? `${inputs.namePrefix ?? 'kp'}-${randomSuffix()}`;
    const bought = await buyOnePhone(getClient(), directory, inputs, prefix);
    const outs = await settleOrKeep({ ...inputs, uniqueNamePrefix: prefix }, bought.instanceId, bought.orderId, false, bought.confirmedAt);
    return { id: bought.instanceId, outs };
  },

  async read(id, props) {
    const record = await getDirectory().get(id);
    if (!record) return {}; // gone: refresh drops it from state
    if (!props) return { id, props: stateFromRecord(record, '', false) as InstanceOutputs };
    return { id, props: outputsOf(props, stateFromRecord(record, props.orderId ?? '', props.adopted ?? false)) };
  },

  /** Only waitForReady/readyTimeoutSeconds change in place; it also resumes a phone left unfinished by a failed up. */
  async update(id, olds, news) {
    return { outs: await settleOrKeep(news, id, olds.orderId ?? '', olds.adopted ?? false) };
  },

  async delete(id) {
    const client = getClient();
    const directory = getDirectory();
    if (!(await directory.get(id, 0))) return; // already gone
    try {
      await client.deleteInstances([id]);
    } catch (err) {
      if (err instanceof PayPerUseNotDeletableError) {
        throw new Error(
          `${err.message}. The KooPhone API refuses to delete pay-per-use phone ${id} (KOOPHONE.API.5001): delete it in the KooPhone console. ` +
            'To keep it out of this stack without deleting it, set the `retainOnDelete: true` resource option before destroying, ' +
            'or run `pulumi state delete <urn>` after deleting it in the console. Nothing was changed.',
        );
      }
      if (!(err instanceof KooPhoneOutcomeUnknownError)) throw err;
      // Unknown outcome: going offline or gone means the unsubscribe took; otherwise keep the phone in state.
      directory.invalidate();
      const after = await directory.get(id, 0);
      if (after && after.running_status !== GOING_OFFLINE) {
        throw new Error(`${err.message}. Phone ${id} is still present, so it stays in the stack; run the operation again.`);
      }
    } finally {
      directory.invalidate();
    }
    await waitForInstance(directory, id, (r) => r === undefined, {
      timeoutMs: DELETE_TIMEOUT_MS,
      intervalMs: pollIntervalMs(),
      what: 'to be unsubscribed and released',
    });
  },
};

export type { InstanceInputs, InstanceOutputs };
