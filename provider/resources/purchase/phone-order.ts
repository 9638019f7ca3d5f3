import { KooPhoneOutcomeUnknownError, type CreateInstancesRequest, type KooPhoneClient } from '../../client';
import type { InstanceDirectory, InstanceRecord } from '../batching/instance-directory';
import { describeError } from '../core/partial-state';
import { forgetLostAnswer, noteLostAnswer } from './lost-answers';
import { clearToBuy } from './purchase-gate';

/** running_status of a phone that was unsubscribed and is on its way out: it no longer counts as bought. */
const GOING_OFFLINE = 3;
/** Create attempts for one order; every attempt after the first looks the phones up before buying. */
const MAX_CREATE_ATTEMPTS = 3;
/** Empty listings, taken at least one backoff step apart, that prove an order whose outcome was unknown bought nothing. */
const EMPTY_LOOKUPS_TO_CONCLUDE = 2;
const LOOKUP_FIRST_DELAY_MS = 1000;
const LOOKUP_MAX_DELAY_MS = 15_000;

/**
 * How long the lookup after an unknown create outcome keeps trying (with exponential backoff from 1 s, capped at
 * 15 s) before giving up and recording the order as unconfirmed: 120 s, or `KOOPHONE_ORDER_LOOKUP_SECONDS`.
 */
export function orderLookupBudgetMs(): number {
  const fromEnv = Number(process.env.KOOPHONE_ORDER_LOOKUP_SECONDS);
  return (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 120) * 1000;
}

export interface PlacedOrder {
  /** Empty when the phones were found by name rather than confirmed by the create call's answer. */
  orderId: string;
  instanceIds: string[];
  /** When the purchase was confirmed (epoch ms): listings started earlier cannot show the phones. */
  confirmedAt: number;
}

/**
 * A create whose outcome stayed unknown, and whose phones could not be looked up by name either: the order may have
 * been placed. The caller must keep it in state under its prefix, so that the next up/refresh/destroy resolves it.
 */
export class UnconfirmedOrderError extends Error {
  override name = 'UnconfirmedOrderError';
  constructor(
    readonly prefix: string,
    readonly count: number,
    readonly createError: unknown,
    readonly lookupError: unknown,
  ) {
    const phones = count === 1 ? 'a phone' : `up to ${count} phones`;
    super(
      `${phones} named "${prefix}-*" may have been bought: the create call may have been applied but its answer was lost ` +
        `(${describeError(createError)}), and looking the phones up by name kept failing for ${Math.round(orderLookupBudgetMs() / 1000)} s ` +
        `(${describeError(lookupError)}).`,
    );
  }
}

/** Live phones named under `prefix`; an unsubscribed phone (going offline) does not count. */
export async function findLiveByPrefix(
  directory: InstanceDirectory,
  prefix: string,
  maxAgeMs?: number,
): Promise<InstanceRecord[]> {
  return (await directory.findByNamePrefix(prefix, maxAgeMs)).filter((r) => r.running_status !== GOING_OFFLINE);
}

type Lookup = { kind: 'found'; records: InstanceRecord[] } | { kind: 'absent' } | { kind: 'failed'; error: unknown };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks for phones bought under `prefix` after an unknown outcome. An order may surface with a delay, so "absent"
 * needs several empty listings a backoff step apart; a listing that fails is retried until the budget is spent.
 */
export async function lookUpOrder(
  directory: InstanceDirectory,
  prefix: string,
  budgetMs = orderLookupBudgetMs(),
): Promise<Lookup> {
  const deadline = Date.now() + budgetMs;
  let delay = LOOKUP_FIRST_DELAY_MS;
  let empty = 0;
  let lastError: unknown;
  for (let first = true; ; first = false) {
    if (!first) {
      if (Date.now() + delay > deadline) break;
      await sleep(delay);
      delay = Math.min(delay * 2, LOOKUP_MAX_DELAY_MS);
    }
    try {
      const records = await findLiveByPrefix(directory, prefix, 0);
      if (records.length > 0) return { kind: 'found', records };
      if (++empty >= EMPTY_LOOKUPS_TO_CONCLUDE) return { kind: 'absent' };
    } catch (err) {
      lastError = err;
    }
  }
  return empty > 0 ? { kind: 'absent' } : { kind: 'failed', error: lastError };
}

const found = (records: InstanceRecord[]): PlacedOrder => ({
  orderId: '',
  instanceIds: records.map((r) => r.instance_id),
  confirmedAt: Date.now(),
});

/**
 * Places one order of `request.count` phones under the unique `request.instanceNamePrefix`. A create is never sent
 * twice blindly: when its outcome is unknown (timeout, 5xx, lost response) the phones are looked up by their prefix
 * first, and another order is sent only when the API shows none. When even the lookup cannot answer, the order is
 * reported as unconfirmed (UnconfirmedOrderError) for the caller to keep in state.
 */
export async function placeOrder(
  client: KooPhoneClient,
  directory: InstanceDirectory,
  request: CreateInstancesRequest,
): Promise<PlacedOrder> {
  const prefix = request.instanceNamePrefix;
  // Phones under this prefix may exist already: an earlier `up` ordered them but was killed before saving state.
  // Any listing this process holds is new enough (they predate the process, and only this resource orders under
  // this prefix), so a whole fleet's creates share one listing.
  const earlier = await findLiveByPrefix(directory, prefix, Number.POSITIVE_INFINITY);
  if (earlier.length > 0) return found(earlier);
  // Not before every check of the deployment has passed (purchase-gate.ts): a refusal here bought nothing.
  await clearToBuy(`${request.count === 1 ? 'a phone' : `${request.count} phones`} named "${prefix}-*"`);
  let createError: unknown;
  for (let attempt = 1; attempt <= MAX_CREATE_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      const lookup = await lookUpOrder(directory, prefix);
      if (lookup.kind === 'found') return found(lookup.records);
      if (lookup.kind === 'failed') throw new UnconfirmedOrderError(prefix, request.count, createError, lookup.error);
      forgetLostAnswer(prefix); // the listings show that the lost answer bought nothing
    }
    try {
      const created = await client.createInstances(request);
      if (created.instanceInfos.length === 0)
        throw new Error(`the create call returned order ${created.orderId} without instance ids`);
      // No invalidate(): readers of these phones ask for a listing started after confirmedAt instead.
      return {
        orderId: created.orderId,
        instanceIds: created.instanceInfos.map((i) => i.instanceId),
        confirmedAt: Date.now(),
      };
    } catch (err) {
      directory.invalidate();
      if (!(err instanceof KooPhoneOutcomeUnknownError)) throw err; // a definite refusal bought nothing
      noteLostAnswer(prefix);
      createError = err;
    }
  }
  // Every attempt's outcome stayed unknown; a last look decides whether something was bought.
  const lookup = await lookUpOrder(directory, prefix);
  if (lookup.kind === 'found') return found(lookup.records);
  if (lookup.kind === 'failed') throw new UnconfirmedOrderError(prefix, request.count, createError, lookup.error);
  forgetLostAnswer(prefix);
  throw new Error(
    `could not confirm the purchase of phones named "${prefix}-*" after ${MAX_CREATE_ATTEMPTS} attempts and no such phone exists; ` +
      `nothing was bought as far as the API shows. Last error: ${describeError(createError)}`,
  );
}
