import type * as dynamic from '@pulumi/pulumi/dynamic';
import {
  KooPhoneOutcomeUnknownError,
  NotFoundError,
  PayPerUseNotDeletableError,
  type KooPhoneClient,
} from '../../client';
import {
  INSTANCE_REPLACE_PROPERTIES,
  instanceInputsSchema,
  type InstanceInputs,
  type InstanceOutputs,
  type InstanceState,
} from '../../schemas/resources/instance';
import { stateFromRecord } from '../../common/instance-state';
import { checkInputs, definedOnly } from '../core/check-inputs';
import { waitForInstance, type InstanceDirectory, type InstanceRecord } from '../batching/instance-directory';
import { PartialStateError, describeError } from '../core/partial-state';
import { progressFor } from '../core/progress';
import { orderRequest, randomSuffix } from '../purchase/order-request';
import { UnconfirmedOrderError, lookUpOrder, placeOrder } from '../purchase/phone-order';
import {
  configureRuntime,
  getClient,
  getDeleteBatcher,
  getDirectory,
  getSkuCatalogue,
  pollIntervalMs,
} from '../core/runtime';
import { guardPurchase } from '../purchase/money-guard';
import { moneyEnv, renewalPrice } from '../purchase/money-env';
import { gatedCheck } from '../purchase/purchase-gate';
import { hadLostAnswer, lostAnswerAdvice } from '../purchase/lost-answers';
import { buysNewSpec, checkSpecAgainstCatalogue } from '../purchase/spec-check';
import { isDeepStrictEqual } from 'node:util';
import {
  applyChargeChange,
  autoRenewDrifted,
  expirePolicyConflict,
  expirePolicyDrifted,
  readSubscription,
  withSubscription,
  withDeclaredExpiry,
} from '../billing/instance-billing';
import { renewIfDue, renewalPlanned } from '../billing/renewal';
import { subscriptionLookup } from '../billing/subscription-lookup';

const RUNNING = 2;
/** batch-query `running_status` in words, for the status line beside a phone being provisioned. */
const STATUS_WORDS: Readonly<Record<number, string>> = {
  0: 'status unknown',
  1: 'stopped',
  2: 'running',
  3: 'going offline',
  4: 'starting',
  5: 'shut down',
};
const statusWord = (status: number | null | undefined): string =>
  status === undefined || status === null ? 'not listed yet' : (STATUS_WORDS[status] ?? `status ${status}`);
const GOING_OFFLINE = 3;
const DELETE_TIMEOUT_MS = 30 * 60 * 1000;

function outputsOf(inputs: InstanceInputs, state: InstanceState): InstanceOutputs {
  return definedOnly({ ...inputs, ...state });
}

/**
 * The resource id of a purchase whose outcome is unknown (see UnconfirmedOrderError): it names the unique prefix,
 * so refresh, up and destroy can resolve the phone by name. A refresh replaces it with the phone's instance id.
 */
const UNCONFIRMED_ID_PREFIX = 'unconfirmed:';
export const unconfirmedId = (namePrefix: string) => `${UNCONFIRMED_ID_PREFIX}${namePrefix}`;
const isUnconfirmed = (id: string) => id.startsWith(UNCONFIRMED_ID_PREFIX);

/** Buys exactly one phone under `prefix` (see placeOrder: never a blind second order). */
export async function buyOnePhone(
  client: KooPhoneClient,
  directory: InstanceDirectory,
  inputs: InstanceInputs,
  prefix: string,
): Promise<{ instanceId: string; orderId: string; confirmedAt: number }> {
  const order = await placeOrder(client, directory, orderRequest(inputs, prefix, 1));
  return { instanceId: order.instanceIds[0], orderId: order.orderId, confirmedAt: order.confirmedAt };
}

/** Keeps an unconfirmed purchase in state under its prefix, and tells the user what happened to their money. */
function unconfirmedPurchase(inputs: InstanceInputs, err: UnconfirmedOrderError): PartialStateError {
  const id = unconfirmedId(err.prefix);
  return new PartialStateError(
    id,
    definedOnly({ ...inputs, uniqueNamePrefix: err.prefix, instanceId: '', orderId: '', adopted: false }),
    `${err.message} It is recorded in the stack as "${id}": run \`pulumi up\` again to take the phone over ` +
      '(or `pulumi destroy` to unsubscribe it). Do not delete it by hand or buy it again.',
  );
}

/** Any failure after a lost create answer: recorded under the prefix (resolved by name later), with the advice. */
function afterLostAnswer(inputs: InstanceInputs, prefix: string, err: unknown): PartialStateError {
  const id = unconfirmedId(prefix);
  return new PartialStateError(
    id,
    definedOnly({ ...inputs, uniqueNamePrefix: prefix, instanceId: '', orderId: '', adopted: false }),
    `${lostAnswerAdvice(1, prefix, id)} Then: ${describeError(err)}`,
  );
}

/**
 * The phone behind a resource id: the id itself, or for an unconfirmed purchase the phone found under its prefix
 * (`absent`: nothing was bought). A lookup that cannot answer throws, so the resource stays in state.
 */
async function resolvePhone(id: string, props: Partial<InstanceOutputs> | undefined): Promise<string | 'absent'> {
  if (!isUnconfirmed(id)) return id;
  if (props?.instanceId) return props.instanceId;
  const prefix = id.slice(UNCONFIRMED_ID_PREFIX.length);
  const lookup = await lookUpOrder(getDirectory(), prefix);
  if (lookup.kind === 'found') return lookup.records[0].instance_id;
  if (lookup.kind === 'absent') return 'absent';
  throw new Error(
    `could not find out whether a phone named "${prefix}-*" was bought (${describeError(lookup.error)}); ` +
      'it stays recorded in the stack. Run the command again when the KooPhone API answers.',
  );
}

async function waitUntilRunning(
  inputs: InstanceInputs,
  instanceId: string,
  notBefore?: number,
): Promise<InstanceRecord> {
  const progress = progressFor(inputs.resourceUrn);
  const startedAt = Date.now();
  const waited = () => `${Math.round((Date.now() - startedAt) / 1000)} s of ${inputs.readyTimeoutSeconds} s`;
  const record = await waitForInstance(
    getDirectory(),
    instanceId,
    (r) => r === undefined || r.running_status === RUNNING,
    {
      timeoutMs: inputs.readyTimeoutSeconds * 1000,
      intervalMs: pollIntervalMs(),
      what: 'to reach running status',
      notBefore,
      onLook: (r) => progress.status(`phone ${instanceId}: ${statusWord(r?.running_status)}, waiting ${waited()}`),
    },
  );
  if (!record) throw new Error(`phone ${instanceId} disappeared while it was provisioning`);
  return record;
}

/** `notBefore`: when the phone was confirmed bought; listings older than that cannot show it. */
async function settle(
  inputs: InstanceInputs,
  instanceId: string,
  orderId: string,
  adopted: boolean,
  notBefore?: number,
): Promise<InstanceOutputs> {
  const record = inputs.waitForReady
    ? await waitUntilRunning(inputs, instanceId, notBefore)
    : await getDirectory().get(instanceId, 0);
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

/** Buys (or finds) the phone under `prefix` and waits for it; an unknown outcome is kept in state as unconfirmed. */
async function buyAndSettle(inputs: InstanceInputs, prefix: string): Promise<{ id: string; outs: InstanceOutputs }> {
  let bought: Awaited<ReturnType<typeof buyOnePhone>>;
  try {
    bought = await buyOnePhone(getClient(), getDirectory(), inputs, prefix);
  } catch (err) {
    if (err instanceof UnconfirmedOrderError) throw unconfirmedPurchase(inputs, err);
    // After a lost answer any failure may hide a purchase: keep it under its prefix and say so.
    if (hadLostAnswer(prefix)) throw afterLostAnswer(inputs, prefix, err);
    throw err;
  }
  try {
    const outs = await settleOrKeep(inputs, bought.instanceId, bought.orderId, false, bought.confirmedAt);
    return { id: bought.instanceId, outs };
  } catch (err) {
    if (hadLostAnswer(prefix) && err instanceof PartialStateError)
      throw new PartialStateError(err.id, err.properties, `${lostAnswerAdvice(1, prefix, err.id)} ${err.message}`);
    throw err;
  }
}

/** A declared renewal due now (a live look, shared between resources); said in the plan. */
async function renewalDueAtDiff(id: string, olds: InstanceOutputs, news: InstanceInputs): Promise<boolean> {
  const phone = olds.instanceId || (isUnconfirmed(id) ? '' : id);
  if (!phone || olds.billingMode === '0') return false;
  return renewalPlanned(
    phone,
    news,
    () => subscriptionLookup(getClient()).get(phone),
    (n) => renewalPrice(news, n),
  );
}

export const instanceProvider: dynamic.ResourceProvider<InstanceInputs, InstanceOutputs> = {
  configure: configureRuntime,

  async check(olds, news) {
    const result = checkInputs(instanceInputsSchema, news as unknown as Record<string, unknown>);
    if (!result.inputs) return { failures: result.failures };
    const inputs = { ...result.inputs, namePrefix: result.inputs.namePrefix ?? 'kp' };
    const conflict = expirePolicyConflict(inputs);
    if (conflict.length > 0) return { failures: conflict };
    // Keep the unique prefix for the life of the phone. A new phone's prefix comes from the SDK's stable createKey,
    // so a create interrupted before Pulumi saved its result is found again by name on the next `up`.
    const keep = olds?.uniqueNamePrefix && olds.namePrefix === inputs.namePrefix;
    inputs.uniqueNamePrefix = keep
      ? olds.uniqueNamePrefix
      : `${inputs.namePrefix}-${inputs.createKey ?? randomSuffix()}`;
    // Nothing is bought before the spec is known to be sold: a new or changed spec is checked against the live
    // catalogue here, at preview. An adopted phone is not bought, and an unchanged spec buys nothing.
    const buys = !inputs.adoptInstanceId && buysNewSpec(olds, inputs);
    if (buys) {
      const failures = await checkSpecAgainstCatalogue(inputs, getSkuCatalogue);
      if (failures.length > 0) return { failures };
    }
    // The cost beside the resource, and the budgets (docs/costs-and-budgets.md).
    const money = await guardPurchase(moneyEnv, { urn: inputs.resourceUrn, phones: buys ? 1 : 0, spec: inputs });
    if (money.length > 0) return { failures: money };
    return { inputs };
  },

  async diff(_id, olds, news) {
    const replaces = INSTANCE_REPLACE_PROPERTIES.filter((k) => !isDeepStrictEqual(olds[k], news[k]));
    // Looked at on every diff (not only when nothing else changed), so the plan always says a renewal will be paid.
    const renewal = replaces.length === 0 && (await renewalDueAtDiff(_id, olds, news));
    // Billing never replaces (docs/api/billing.md): a charge change, or auto-renew changed outside the stack, is an update.
    const inPlace =
      (['waitForReady', 'readyTimeoutSeconds'] as const).some((k) => olds[k] !== news[k]) ||
      !isDeepStrictEqual(olds.charge, news.charge) ||
      autoRenewDrifted(olds, news) ||
      olds.expirePolicy !== news.expirePolicy ||
      olds.renewBeforeDays !== news.renewBeforeDays ||
      expirePolicyDrifted(olds, news) ||
      renewal;
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
    return withDeclaredExpiry(getClient(), await buyAndSettle({ ...inputs, uniqueNamePrefix: prefix }, prefix));
  },

  async read(id, props) {
    const phone = await resolvePhone(id, props);
    if (phone === 'absent') return {}; // an unconfirmed purchase that bought nothing: refresh drops it
    const record = await getDirectory().get(phone);
    if (!record) return {}; // gone: refresh drops it from state
    // An unconfirmed id becomes the phone's instance id here (the engine takes a new id from a refresh).
    // One billing query (≤ 50 ids) serves every phone a refresh reads at once.
    const subscription = record.billing_mode === '0' ? undefined : await subscriptionLookup(getClient()).get(phone);
    if (!props)
      return {
        id: phone,
        props: withSubscription(stateFromRecord(record, '', false) as InstanceOutputs, subscription),
      };
    return {
      id: phone,
      props: withSubscription(
        outputsOf(props, stateFromRecord(record, props.orderId ?? '', props.adopted ?? false)),
        subscription,
      ),
    };
  },

  /**
   * waitForReady/readyTimeoutSeconds and charge change in place (auto-renew on the subscription). It also resumes a phone left unfinished by a failed up,
   * and takes over an unconfirmed purchase (found by its prefix; bought now when the API shows none).
   */
  async update(id, olds, news) {
    if (isUnconfirmed(id) && !olds.instanceId) {
      const phone = await resolvePhone(id, olds);
      const prefix = id.slice(UNCONFIRMED_ID_PREFIX.length);
      const inputs = { ...news, uniqueNamePrefix: prefix };
      if (phone === 'absent') return { outs: (await buyAndSettle(inputs, prefix)).outs };
      return { outs: await settleOrKeep(inputs, phone, '', false) };
    }
    const phone = olds.instanceId || id;
    const billed = !olds.adopted || olds.autoRenew !== undefined;
    if (billed) await applyChargeChange(getClient(), phone, olds, news);
    if (olds.billingMode !== '0')
      await renewIfDue(getClient(), phone, news, () => readSubscription(getClient(), phone), pollIntervalMs());
    const outs = await settleOrKeep(news, phone, olds.orderId ?? '', olds.adopted ?? false);
    return { outs: billed ? withSubscription(outs, await readSubscription(getClient(), phone)) : outs };
  },

  async delete(resourceId, props) {
    const directory = getDirectory();
    const id = await resolvePhone(resourceId, props);
    if (id === 'absent') return; // an unconfirmed purchase that bought nothing
    // A shared listing (one per poll interval for a whole destroy) is enough: a phone that vanished since is
    // answered "does not exist" by the delete, which counts as gone too.
    const before = await directory.get(id);
    if (!before) return; // already gone
    if (before.running_status !== GOING_OFFLINE) {
      try {
        await getDeleteBatcher().delete(id);
      } catch (err) {
        if (err instanceof NotFoundError) return; // gone since the listing
        if (err instanceof PayPerUseNotDeletableError) {
          throw new Error(
            `${err.message}. The KooPhone API refuses to delete pay-per-use phone ${id} (KOOPHONE.API.5001): delete it in the KooPhone console. ` +
              'To keep it out of this stack without deleting it, set the `retainOnDelete: true` resource option before destroying, ' +
              'or run `pulumi state delete <urn>` after deleting it in the console. Nothing was changed.',
          );
        }
        if (!(err instanceof KooPhoneOutcomeUnknownError)) throw err;
        // Unknown outcome: going offline or gone means the unsubscribe took; otherwise keep the phone in state.
        const after = await directory.get(id, 0);
        if (after && after.running_status !== GOING_OFFLINE) {
          throw new Error(
            `${err.message}. Phone ${id} is still present, so it stays in the stack; run the operation again.`,
          );
        }
      }
    }
    await waitForInstance(directory, id, (r) => r === undefined, {
      timeoutMs: DELETE_TIMEOUT_MS,
      intervalMs: pollIntervalMs(),
      what: 'to be unsubscribed and released',
      notBefore: Date.now(),
    });
  },
};

// Purchases wait for the deployment's checks and refuse while one fails (purchase-gate.ts).
instanceProvider.check = gatedCheck(instanceProvider.check!);

export type { InstanceInputs, InstanceOutputs };
