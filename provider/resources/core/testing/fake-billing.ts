import { BillingApi, KooPhoneOutcomeUnknownError, type KooPhoneClient } from '../../../client';
import type { Operation } from '../../../client/operation';
import type { Transport } from '../../../client/transport';
import type { BssErrorDetail, OrderInstance } from '../../../schemas/wire/billing';

/**
 * An in-process billing (BSS) account behind the real BillingApi: requests are checked against the client's own wire
 * schemas (so the documented limits hold), answered from a subscription table, and counted per operation, with the
 * ids of every call. For unit tests of billing logic without HTTP.
 */

export interface FakeSubscription {
  orderId?: string;
  expireTime: string;
  autoRenew: boolean;
  payPerUseAtExpiry: boolean;
}

const DAY_MS = 86_400_000;
const bssTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function fakeBilling() {
  const subs = new Map<string, FakeSubscription>();
  const calls: Record<string, number> = {};
  /** The ids each renewal call carried. */
  const renewals: string[][] = [];
  const faults = {
    /** Renewal calls applied whose answer is then lost. */
    renewAppliedAnswerLost: 0,
    /** Renewal calls lost before they reached the billing system (nothing applied). */
    renewLost: 0,
    /** Ids the to-on-demand call refuses. */
    toOnDemandRefused: new Set<string>(),
  };
  const rowOf = (id: string, s: FakeSubscription): OrderInstance => ({
    resource_id: id,
    status: 2,
    expire_time: s.expireTime,
    expire_policy: s.payPerUseAtExpiry ? 1 : s.autoRenew ? 3 : 0,
  });
  const lost = () =>
    new KooPhoneOutcomeUnknownError({
      code: 'HTTP 503',
      explanation: 'no answer',
      requestId: 'r',
      endpoint: 'bss-renew',
    });

  type Body = Record<string, unknown> & { resource_ids?: string[] };
  const handlers: Record<string, (body: Body, params: { resource_id?: string }) => unknown> = {
    'bss-query': (body) => {
      const ids = body.resource_ids && body.resource_ids.length > 0 ? new Set(body.resource_ids) : undefined;
      const rows = [...subs]
        .filter(([id, s]) => (!ids || ids.has(id)) && (body.order_id === undefined || s.orderId === body.order_id))
        .map(([id, s]) => rowOf(id, s));
      const offset = (body.offset as number | undefined) ?? 0;
      return {
        total_count: rows.length,
        data: rows.slice(offset, offset + ((body.limit as number | undefined) ?? 10)),
      };
    },
    'bss-renew': (body) => {
      const ids = body.resource_ids ?? [];
      renewals.push(ids);
      if (faults.renewLost > 0) {
        faults.renewLost--;
        throw lost();
      }
      for (const id of ids) {
        const s = subs.get(id);
        if (s) s.expireTime = bssTime(Date.parse(s.expireTime) + 30 * DAY_MS);
      }
      if (faults.renewAppliedAnswerLost > 0) {
        faults.renewAppliedAnswerLost--;
        throw lost();
      }
      return { order_ids: [`CS-renew-${renewals.length}`] };
    },
    'bss-autorenew-on': (_b, p) => void (subs.get(p.resource_id ?? '')!.autoRenew = true),
    'bss-autorenew-off': (_b, p) => void (subs.get(p.resource_id ?? '')!.autoRenew = false),
    'bss-to-on-demand': (body) => {
      const errorDetails: BssErrorDetail[] = [];
      for (const id of body.resource_ids ?? []) {
        if (faults.toOnDemandRefused.has(id))
          errorDetails.push({
            resource_id: id,
            error_code: 'CBC.99003012',
            error_msg: 'The resource ID does not exist.',
          });
        else subs.get(id)!.payPerUseAtExpiry = body.operation === 'SET_UP';
      }
      return { error_details: errorDetails };
    },
  };
  const transport = {
    async call(op: Operation<unknown, unknown, unknown, unknown>, input: { body?: unknown; params?: unknown } = {}) {
      calls[op.name] = (calls[op.name] ?? 0) + 1;
      const body = (op.body ? op.body.parse(input.body) : {}) as Body;
      const params = (op.params ? op.params.parse(input.params) : {}) as { resource_id?: string };
      return { data: op.response.parse(handlers[op.name](body, params) ?? {}) };
    },
  } as unknown as Transport;
  const billing = new BillingApi(transport);
  /** A subscription of `id` bought by `orderId` (undefined: an order whose id the group lost), expiring in `days`. */
  const subscribe = (id: string, opts: { orderId?: string; days?: number } = {}): string => {
    const expireTime = bssTime(Date.now() + (opts.days ?? 30) * DAY_MS);
    subs.set(id, { orderId: opts.orderId, expireTime, autoRenew: false, payPerUseAtExpiry: false });
    return id;
  };
  /** `count` subscriptions `{prefix}0`, `{prefix}1`, … of one order. */
  const buy = (prefix: string, count: number, opts: { orderId?: string; days?: number } = {}): string[] =>
    Array.from({ length: count }, (_, i) => subscribe(`${prefix}${i}`, opts));
  return { subs, calls, renewals, faults, billing, subscribe, buy, client: { billing } as unknown as KooPhoneClient };
}
