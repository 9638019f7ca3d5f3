import { KooPhoneOutcomeUnknownError, PayPerUseNotDeletableError, type KooPhoneClient } from '../../client';
import type {
  GroupMember,
  InstanceGroupInputs,
  InstanceGroupOutputs,
  PendingOrder,
} from '../../schemas/resources/instance-group';
import { runningStatusWord } from '../../common/running-status';
import { definedOnly } from '../core/check-inputs';
import { adoptInto, newAdoptions } from './group-adoption';
import {
  chunk,
  emptySlots,
  idsBySlot,
  orderPrefix,
  orderSeqOf,
  placeInSlots,
  slotsAbove,
  type SlotMap,
} from './group-plan';
import {
  pollListings,
  type InstanceDirectory,
  type InstanceRecord,
  type InstanceSnapshot,
} from '../batching/instance-directory';
import { deleteInCalls } from '../batching/delete-batcher';
import { orderRequest } from '../purchase/order-request';
import { PartialStateError, describeError } from '../core/partial-state';
import { hadLostAnswer, lostAnswerAdvice } from '../purchase/lost-answers';
import { UnconfirmedOrderError, findLiveByPrefix, lookUpOrder, placeOrder } from '../purchase/phone-order';
import type { Progress } from '../core/progress';
import { readMemberSubscriptions, withMemberSubscriptions, type MemberSubscriptions } from './group-subscriptions';

const RUNNING = 2;
const GOING_OFFLINE = 3;
const RELEASE_TIMEOUT_MS = 30 * 60 * 1000;

/** What a group's sync needs from the process: injected so tests run it against in-process fakes. */
export interface GroupEnv {
  client: KooPhoneClient;
  directory: InstanceDirectory;
  pollIntervalMs: number;
  progress: Progress;
}

/** The group's inputs once `check` has fixed its name prefix. */
export type GroupTarget = InstanceGroupInputs & { uniqueNamePrefix: string };

/** The part of a group's state that sync changes, kept current so a failure at any step records what exists. */
interface Working {
  members: SlotMap;
  orderIds: string[];
  nextOrderSeq: number;
  pendingOrders: PendingOrder[];
  /** The newest listing seen: member details in the outputs come from it. */
  snapshot: InstanceSnapshot;
  /** When this run's last order was confirmed: listings started earlier cannot show its phones. */
  confirmedAt?: number;
  /** The members' subscriptions, once read (at the end of a sync or refresh). */
  subscriptions?: MemberSubscriptions;
}

/** A listing started in the same millisecond as an order was confirmed may predate it: only later ones show it. */
const listedAfter = (confirmedAt: number | undefined) => (confirmedAt === undefined ? undefined : confirmedAt + 1);
const isLive = (r: InstanceRecord | undefined): r is InstanceRecord =>
  r !== undefined && r.running_status !== GOING_OFFLINE;

function workingFrom(prior: Partial<InstanceGroupOutputs> | undefined): Working {
  return {
    members: new Map((prior?.instances ?? []).map((m) => [m.slot, m.instanceId])),
    orderIds: [...(prior?.orderIds ?? [])],
    nextOrderSeq: prior?.nextOrderSeq ?? 0,
    pendingOrders: [...(prior?.pendingOrders ?? [])],
    snapshot: new Map(),
  };
}

function memberOf(slot: number, instanceId: string, record: InstanceRecord | undefined): GroupMember {
  return {
    slot,
    instanceId,
    instanceName: record?.instance_name ?? '',
    status: runningStatusWord(record?.running_status),
  };
}

function outputsOf(inputs: GroupTarget, w: Working): InstanceGroupOutputs {
  const slots = [...w.members.keys()].sort((a, b) => a - b);
  // Props from a refresh carry the last read's group-level expiry: it is derived again from this read.
  const { earliestExpireTime: _stale, ...declared } = inputs as GroupTarget & { earliestExpireTime?: string };
  const outs = definedOnly({
    ...declared,
    ...inputs,
    instanceIds: idsBySlot(w.members),
    instances: slots.map((slot) =>
      memberOf(slot, w.members.get(slot) as string, w.snapshot.get(w.members.get(slot) as string)),
    ),
    orderIds: w.orderIds,
    nextOrderSeq: w.nextOrderSeq,
    pendingOrders: w.pendingOrders,
  });
  return w.subscriptions ? withMemberSubscriptions(outs, w.subscriptions) : outs;
}

/** The members' subscriptions, read by the group's orders (docs/api/billing.md, "Reading a group by order"). */
async function readSubscriptions(env: GroupEnv, w: Working): Promise<MemberSubscriptions> {
  return readMemberSubscriptions(env.client, w.orderIds, idsBySlot(w.members));
}

/** Members whose phone is gone or being unsubscribed (lost out of band) leave their slot empty. */
function dropLostMembers(w: Working): number {
  let lost = 0;
  for (const [slot, id] of w.members) {
    if (!isLive(w.snapshot.get(id))) {
      w.members.delete(slot);
      lost++;
    }
  }
  return lost;
}

/**
 * Live phones named by one of the group's orders that the state does not hold (ordered by an `up` killed before it
 * saved state, or an order that surfaced late) join the group; the next order number skips every number seen.
 */
function adoptStrays(groupPrefix: string, w: Working): void {
  const known = new Set(w.members.values());
  const strays: InstanceRecord[] = [];
  for (const record of w.snapshot.values()) {
    const seq = orderSeqOf(groupPrefix, record.instance_name);
    if (seq === undefined) continue;
    w.nextOrderSeq = Math.max(w.nextOrderSeq, seq + 1);
    if (isLive(record) && !known.has(record.instance_id)) strays.push(record);
  }
  strays.sort((a, b) => a.instance_name.localeCompare(b.instance_name));
  placeInSlots(
    w.members,
    strays.map((r) => r.instance_id),
  );
}

/** Orders of an earlier run whose outcome was unknown: their phones are looked up by name before anything is bought. */
async function resolvePendingOrders(env: GroupEnv, w: Working): Promise<void> {
  for (const pending of [...w.pendingOrders]) {
    const lookup = await lookUpOrder(env.directory, pending.prefix);
    if (lookup.kind === 'failed') {
      throw new Error(
        `order "${pending.prefix}-*" (slots ${pending.slots[0]}…) is still unconfirmed and its phones cannot be looked up: ${describeError(lookup.error)}`,
      );
    }
    if (lookup.kind === 'found')
      placeInSlots(
        w.members,
        lookup.records.map((r) => r.instance_id),
        pending.slots,
      );
    w.pendingOrders = w.pendingOrders.filter((p) => p !== pending);
  }
}

/**
 * Unsubscribes phones in delete calls of at most DELETE_IDS_PER_CALL ids (batching/delete-batcher.ts deleteInCalls).
 * Returns the ids the API took; a refused batch (pay-per-use, 5001) or one still present after an unknown outcome is
 * reported in `problems`.
 */
async function unsubscribe(env: GroupEnv, ids: readonly string[]): Promise<{ taken: string[]; problems: string[] }> {
  const problems: string[] = [];
  const taken = await deleteInCalls(
    ids,
    (batch) => env.client.deleteInstances(batch),
    async (batch, err) => {
      if (err instanceof PayPerUseNotDeletableError) {
        problems.push(
          `the KooPhone API refuses to delete ${batch.length} of the phones (${batch.slice(0, 5).join(', ')}${batch.length > 5 ? ', …' : ''}) ` +
            'because at least one of them is pay-per-use (KOOPHONE.API.5001); they stay in the group. Delete pay-per-use phones in the KooPhone console.',
        );
        return [];
      }
      if (!(err instanceof KooPhoneOutcomeUnknownError)) {
        problems.push(`deleting ${batch.length} phones failed: ${describeError(err)}; they stay in the group`);
        return [];
      }
      // Unknown outcome: a phone going offline or gone was unsubscribed; one still live stays in the group.
      env.directory.invalidate();
      const after = await env.directory.snapshot(0);
      const stillLive = batch.filter((id) => isLive(after.get(id)));
      if (stillLive.length > 0)
        problems.push(`${describeError(err)}; ${stillLive.length} phones are still present and stay in the group`);
      return batch.filter((id) => !stillLive.includes(id));
    },
    () => env.directory.invalidate(),
  );
  return { taken, problems };
}

/** Polls the shared listing (pollListings, as an Instance's wait) until `done` holds for every id, with a progress line per look. */
async function waitForAll(
  env: GroupEnv,
  ids: readonly string[],
  done: (record: InstanceRecord | undefined) => boolean,
  opts: { label: string; timeoutMs: number; notBefore?: number; onSnapshot?: (s: InstanceSnapshot) => void },
): Promise<void> {
  let count = 0;
  await pollListings(
    env.directory,
    { timeoutMs: opts.timeoutMs, intervalMs: env.pollIntervalMs, notBefore: opts.notBefore },
    (snapshot) => {
      opts.onSnapshot?.(snapshot);
      count = ids.filter((id) => done(snapshot.get(id))).length;
      env.progress.status(`${opts.label}: ${count}/${ids.length}`, count === ids.length);
      return count === ids.length;
    },
    () => `timed out after ${Math.round(opts.timeoutMs / 1000)} s with ${opts.label} ${count}/${ids.length}`,
  );
}

async function scaleDown(env: GroupEnv, w: Working, size: number): Promise<void> {
  const removing = slotsAbove(w.members, size);
  if (removing.length === 0) return;
  const bySlot = new Map(removing.map((slot) => [w.members.get(slot) as string, slot]));
  const { taken, problems } = await unsubscribe(env, [...bySlot.keys()]);
  for (const id of taken) w.members.delete(bySlot.get(id) as number);
  if (problems.length > 0) throw new Error(problems.join('; '));
  await waitForAll(env, taken, (r) => !isLive(r), { label: 'phones unsubscribed', timeoutMs: RELEASE_TIMEOUT_MS });
}

/** Orders phones for the empty slots below `size`: ceil(k/ORDER_COUNT_MAX) orders, each under its own name prefix. */
async function grow(env: GroupEnv, inputs: GroupTarget, w: Working): Promise<void> {
  for (const slots of chunk(emptySlots(w.members, inputs.size))) {
    const seq = w.nextOrderSeq++;
    const pending: PendingOrder = { seq, prefix: orderPrefix(inputs.uniqueNamePrefix, seq), slots };
    w.pendingOrders.push(pending);
    try {
      const placed = await placeOrder(env.client, env.directory, orderRequest(inputs, pending.prefix, slots.length));
      w.pendingOrders = w.pendingOrders.filter((p) => p !== pending);
      placeInSlots(w.members, placed.instanceIds, slots);
      if (placed.orderId) w.orderIds.push(placed.orderId);
      w.confirmedAt = placed.confirmedAt;
    } catch (err) {
      // Only an unconfirmed order may have bought phones; any other failure is a definite refusal.
      // After a lost create answer any failure may hide a purchase, so the order stays pending too.
      if (!(err instanceof UnconfirmedOrderError) && !hadLostAnswer(pending.prefix))
        w.pendingOrders = w.pendingOrders.filter((p) => p !== pending);
      throw err;
    }
  }
}

function keepOrThrow(id: string, inputs: GroupTarget, w: Working, err: unknown, keepAlways: boolean): never {
  if (!keepAlways && w.members.size === 0 && w.pendingOrders.length === 0) throw err;
  const pending = w.pendingOrders.length > 0 ? ` and ${w.pendingOrders.length} unconfirmed order(s)` : '';
  const lost = w.pendingOrders
    .filter((p) => hadLostAnswer(p.prefix))
    .map((p) => lostAnswerAdvice(p.slots.length, p.prefix, `${id} (pending order ${p.prefix})`));
  throw new PartialStateError(
    id,
    outputsOf(inputs, w),
    `${lost.length > 0 ? `${lost.join(' ')} Then: ` : ''}${describeError(err)}. The group's ${w.members.size} phone(s)${pending} are kept in the stack; ` +
      'the next `pulumi up` resumes from there instead of buying again.',
  );
}

/**
 * Brings the group to `inputs.size` live phones: resolves orders left unconfirmed, takes back phones ordered by an
 * interrupted run, drops members lost out of band (their slots are re-bought), unsubscribes the highest slots
 * above the size, orders the empty slots, then waits for every member to run. Whatever has been bought is kept in
 * state on any failure (PartialStateError), so the next `up` resumes and never buys twice.
 */
export async function syncGroup(
  env: GroupEnv,
  id: string,
  inputs: GroupTarget,
  prior: Partial<InstanceGroupOutputs> | undefined,
): Promise<InstanceGroupOutputs> {
  const w = workingFrom(prior);
  try {
    w.snapshot = await env.directory.snapshot(env.pollIntervalMs);
    dropLostMembers(w);
    await resolvePendingOrders(env, w);
    adoptStrays(inputs.uniqueNamePrefix, w);
    adoptInto(w.members, w.snapshot, newAdoptions(inputs, prior), inputs.size);
    await scaleDown(env, w, inputs.size);
    await grow(env, inputs, w);
    const ids = idsBySlot(w.members);
    const keepSnapshot = (s: InstanceSnapshot) => (w.snapshot = s);
    if (inputs.waitForReady && ids.length > 0) {
      // A phone missing from a listing counts as not running yet: a new order may surface in listings late.
      await waitForAll(env, ids, (r) => r?.running_status === RUNNING, {
        label: 'phones running',
        timeoutMs: inputs.readyTimeoutSeconds * 1000,
        notBefore: listedAfter(w.confirmedAt),
        onSnapshot: keepSnapshot,
      });
    } else if (w.confirmedAt !== undefined) {
      keepSnapshot(await env.directory.snapshot(env.pollIntervalMs, listedAfter(w.confirmedAt)));
    }
    w.subscriptions = await readSubscriptions(env, w);
    return outputsOf(inputs, w);
  } catch (err) {
    keepOrThrow(id, inputs, w, err, prior !== undefined);
  }
}

/**
 * Refresh: member status from the shared listing; lost members leave their slot; found orders fill theirs. `adopt`
 * (`pulumi import` of a group) are phones that join as `adoptInstanceIds` do: into the lowest free slots, in order.
 */
export async function readGroup(
  env: GroupEnv,
  props: InstanceGroupOutputs,
  adopt: readonly string[] = [],
): Promise<InstanceGroupOutputs> {
  const w = workingFrom(props);
  w.snapshot = await env.directory.snapshot();
  dropLostMembers(w);
  for (const pending of [...w.pendingOrders]) {
    const found = await findLiveByPrefix(env.directory, pending.prefix);
    if (found.length === 0) continue; // still unknown: the next up looks again before buying
    placeInSlots(
      w.members,
      found.map((r) => r.instance_id),
      pending.slots,
    );
    w.pendingOrders = w.pendingOrders.filter((p) => p !== pending);
  }
  adoptInto(w.members, w.snapshot, adopt, props.size);
  try {
    w.subscriptions = await readSubscriptions(env, w);
  } catch (err) {
    // Without the billing read, auto-renew and expiry drift would go unseen: the refresh fails instead of guessing.
    throw new Error(
      `refresh could not read the subscriptions of the group's ${w.members.size} phone(s) from the billing API: ` +
        `${describeError(err)}. The state was not changed; run the refresh again once the billing API answers.`,
    );
  }
  return outputsOf(props, w);
}

/** Destroy: every member, and every phone of the group's orders, unsubscribed in batches and waited for until gone. */
export async function deleteGroup(env: GroupEnv, props: InstanceGroupOutputs): Promise<void> {
  const w = workingFrom(props);
  await resolvePendingOrders(env, w);
  w.snapshot = await env.directory.snapshot(0);
  adoptStrays(props.uniqueNamePrefix, w);
  const ids = idsBySlot(w.members).filter((id) => isLive(w.snapshot.get(id)));
  const { taken, problems } = await unsubscribe(env, ids);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}. ${taken.length} other phone(s) were unsubscribed.`);
  const all = idsBySlot(w.members);
  await waitForAll(env, all, (r) => r === undefined, { label: 'phones released', timeoutMs: RELEASE_TIMEOUT_MS });
}
