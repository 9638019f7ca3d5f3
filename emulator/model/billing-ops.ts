import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { queryBody, renewBody, toOnDemandBody } from './billing-requests';
import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import type { InstanceRecord } from './state';
import {
  charge,
  expirePolicyOf,
  extend,
  periodPrice,
  statusOf,
  subscriptionOf,
  touchSubscriptions,
} from './subscriptions';

/** A billing API failure: `{error_code, error_msg}` with its HTTP status (docs/api/billing.md). */
export class BssError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a request body (billing-requests.ts); the first issue becomes CBC.0100 naming the field. */
export function parseBss<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BssError(400, 'CBC.0100', `Invalid parameter: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

const bssTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The caller's own paid yearly/monthly phone with this id, and its subscription. */
function ownSubscription(model: EmulatorModel, caller: Caller, id: string) {
  const inst = model.instances.get(id);
  const sub = inst && inst.tenantDomainId === caller.tenant.domainId ? subscriptionOf(inst) : undefined;
  return inst && sub ? { inst, sub } : undefined;
}

function orderInstance(inst: InstanceRecord) {
  const sub = subscriptionOf(inst)!;
  return {
    id: `sub-${inst.instanceId}`,
    resource_id: inst.instanceId,
    resource_name: inst.instanceName,
    region_code: inst.regionId,
    project_id: inst.projectId,
    service_type_code: 'hws.service.type.koophone',
    resource_type_code: 'hws.resource.type.koophone.instance',
    resource_spec_code: inst.instanceSkuId,
    is_main_resource: 1,
    status: statusOf(sub),
    effective_time: bssTime(sub.effectiveAt),
    expire_time: bssTime(sub.expireAt),
    expire_policy: expirePolicyOf(sub),
  };
}

/**
 * POST /v2/orders/suscriptions/resources/query: the caller's paid yearly/monthly phones, filtered and paged; a
 * `limit` above 500 is CBC.0100 (the request schema's documented range 1–500).
 */
export function querySubscriptions(model: EmulatorModel, caller: Caller, body: unknown) {
  const req = parseBss(queryBody, body);
  const ids = req.resource_ids && req.resource_ids.length > 0 ? new Set(req.resource_ids) : undefined;
  const end = req.expire_time_end ? Date.parse(req.expire_time_end) : Infinity;
  const begin = req.expire_time_begin ? Date.parse(req.expire_time_begin) : -Infinity;
  // An order's phones from the order index (a group's refresh pages through its orders): no scan of every phone.
  const candidates =
    req.order_id === undefined
      ? model.instances.ofTenant(caller.tenant.domainId).values()
      : model.instances.ofOrder(req.order_id);
  const matches = [...candidates].filter((inst) => {
    if (inst.tenantDomainId !== caller.tenant.domainId || (ids && !ids.has(inst.instanceId))) return false;
    // order_id: the phones that order bought (its KooPhone create answer's orderId; inferred, docs/api/billing.md).
    if (req.order_id !== undefined && inst.orderId !== req.order_id) return false;
    const sub = subscriptionOf(inst);
    if (!sub || sub.expireAt > end || sub.expireAt < begin) return false;
    return !req.status_list || req.status_list.length === 0 || req.status_list.includes(statusOf(sub));
  });
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 10;
  return { total_count: matches.length, data: matches.slice(offset, offset + limit).map(orderInstance) };
}

/** POST /v2/orders/subscriptions/resources/renew: one order per call, paid at once from the balance when asked. */
export function renewSubscriptions(model: EmulatorModel, caller: Caller, body: unknown) {
  const req = parseBss(renewBody, body);
  const found = req.resource_ids.map((id) => ownSubscription(model, caller, id));
  if (found.some((f) => f === undefined)) {
    throw new BssError(400, 'CBC.30050009', 'The resources do not exist or has been deleted due to expiration.');
  }
  const price = periodPrice(req.period_type, req.period_num) * found.length;
  // Unpaid renewal orders would wait in the Billing Center; the emulator models only paid ones.
  if (req.is_auto_pay !== 1)
    throw new BssError(400, 'CBC.0100', 'Invalid parameter: is_auto_pay: the emulator models paid renewals only');
  if (!charge(caller.tenant, price)) throw new BssError(400, 'CBC.99005003', 'Insufficient balance.');
  for (const f of found) extend(f!.inst, f!.sub, req.period_type, req.period_num);
  touchSubscriptions(model);
  model.commit();
  return { order_ids: [`CS${randomBytes(7).toString('hex').toUpperCase()}`] };
}

/** POST (on) / DELETE (off) /v2/orders/subscriptions/resources/autorenew/{resource_id}. */
export function setAutoRenew(model: EmulatorModel, caller: Caller, resourceId: string, enabled: boolean): void {
  const found = ownSubscription(model, caller, resourceId);
  if (!found) throw new BssError(400, 'CBC.99003012', 'The resource ID does not exist.');
  if (enabled && found.sub.frozenAt !== undefined) {
    throw new BssError(
      400,
      'CBC.99003602',
      'The resource has expired or been frozen; automatic renewal is not allowed.',
    );
  }
  if (!enabled && !found.sub.autoRenew) throw new BssError(400, 'CBC.99003605', 'Automatic renewal has been canceled.');
  found.sub.autoRenew = enabled;
  touchSubscriptions(model);
  model.commit();
}

/** One id the to-on-demand call could not change (D: only failed ids are listed). */
interface ToOnDemandFailure {
  error_code: string;
  error_msg: string;
  resource_id: string;
}

/** POST /v2/orders/subscriptions/resources/to-on-demand: per-id failures are listed, the rest applied. */
export function setToOnDemand(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { error_details: ToOnDemandFailure[] } {
  const req = parseBss(toOnDemandBody, body);
  const errorDetails: ToOnDemandFailure[] = [];
  for (const id of req.resource_ids) {
    const found = ownSubscription(model, caller, id);
    if (!found)
      errorDetails.push({ error_code: 'CBC.99003012', error_msg: 'The resource ID does not exist.', resource_id: id });
    else found.sub.payPerUseAtExpiry = req.operation === 'SET_UP';
  }
  touchSubscriptions(model);
  model.commit();
  return { error_details: errorDetails };
}
