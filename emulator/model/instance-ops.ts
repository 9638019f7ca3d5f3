import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { ApiError, invalidParameter } from './error-codes';
import { newHex32, newInstanceId, newOrderId } from './ids';
import { requireAllRunning, requireOperable, resolveOwned } from './instance-access';
import { RunningStatus } from './running-status';
import { sortRecords, type SortKey } from './instance-index';
import { toBatchQueryRecord } from './instance-view';
import { NotImplementedError } from './not-implemented';
import { createBody, deleteBody, instanceIdsBody, parseWith } from './request-schemas';
import { BAND_SKU_ID, allowedBandSizes, findSku, isKnownRegion } from './sku-catalogue';
import type { InstanceRecord } from './state';
import { subscriptionOf } from './subscriptions';
import { submitSucceedingTask, type SubmittedTask } from './tasks';
import { parseQueryTime } from './time-format';

/** POST /v1/instances/create (docs/api/endpoints.md#create): buys yearly/monthly phones (billing_mode "1"). */
export function createInstances(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { orderId: string; instanceInfos: { instanceId: string; instanceName: string }[] } {
  const req = parseWith(createBody, body);
  if (req.customImageType !== undefined || req.customImageId !== undefined) {
    throw new NotImplementedError('create', 'customImageType/customImageId (custom images)');
  }
  if (req.specPoolId !== undefined) throw new NotImplementedError('create', 'specPoolId');
  const { chargeParam } = req;
  if (chargeParam.periodType === 2 && (chargeParam.periodNum < 1 || chargeParam.periodNum > 9)) {
    throw new ApiError('KOOPHONE.API.3006', `periodNum: ${chargeParam.periodNum}`);
  }
  if (chargeParam.periodType === 3 && (chargeParam.periodNum < 1 || chargeParam.periodNum > 3)) {
    throw new ApiError('KOOPHONE.API.3007', `periodNum: ${chargeParam.periodNum}`);
  }
  if (!isKnownRegion(req.regionId)) throw new ApiError('KOOPHONE.API.3002', `regionId: ${req.regionId}`);
  const sku = findSku(req.regionId, req.instanceSkuId);
  if (!sku) throw new ApiError('KOOPHONE.API.3002', `instanceSkuId: ${req.instanceSkuId} in ${req.regionId}`);
  if (req.bandSkuId !== BAND_SKU_ID) throw new ApiError('KOOPHONE.API.3001', `bandSkuId: ${req.bandSkuId}`);
  if (!allowedBandSizes(sku).includes(req.bandSize)) {
    throw new ApiError('KOOPHONE.API.3001', `bandSize ${req.bandSize} is not one of ${sku.bandSize}`);
  }
  if (sku.chargeMode === 1) throw new ApiError('KOOPHONE.API.3003', `${sku.cbcSkuId} is sold pay-per-use only`);
  const network = req.network ?? 'EIP';
  if (!sku.poolInfo.aosp.some((p) => p.version === req.os && p.network === network && p.enable)) {
    throw new ApiError('KOOPHONE.API.3003', `no available ${req.os}/${network} pool for ${sku.cbcSkuId}`);
  }

  const now = model.now();
  const orderId = newOrderId(now);
  // docs/api/ambiguities.md#a15: with isAutoPay 0 the order waits for payment; the phones exist (ids returned, visible in batch-query
  // with running_status 0) but do not provision until POST /_emulator/orders/{orderId}/pay.
  const paid = (chargeParam.isAutoPay ?? 0) === 1;
  const firstSeq = model.takeNameSequence(caller.tenant.domainId, req.instanceNamePrefix, req.count);
  const infos: { instanceId: string; instanceName: string }[] = [];
  for (let i = 0; i < req.count; i++) {
    let instanceId = newInstanceId();
    while (model.instances.has(instanceId)) instanceId = newInstanceId();
    const inst: InstanceRecord = {
      instanceId,
      instanceName: `${req.instanceNamePrefix}-${String(firstSeq + i).padStart(5, '0')}`,
      tenantDomainId: caller.tenant.domainId,
      projectId: caller.project.id,
      projectName: caller.project.name,
      regionId: req.regionId,
      os: req.os,
      instanceSkuId: req.instanceSkuId,
      bandSkuId: req.bandSkuId,
      bandSize: req.bandSize,
      network,
      ...(req.nodeGroupId === undefined ? {} : { nodeGroupId: req.nodeGroupId }),
      billingMode: '1',
      orderId,
      orderPaid: paid,
      chargeParam: {
        chargingMode: chargeParam.chargingMode,
        periodType: chargeParam.periodType,
        periodNum: chargeParam.periodNum,
        isAutoPay: chargeParam.isAutoPay ?? 0,
        isAutoRenew: chargeParam.isAutoRenew ?? 0,
      },
      createdAt: now,
      runningStatus: paid ? RunningStatus.STARTING : RunningStatus.UNKNOWN,
      transition: null,
      frozen: false,
      assignUser: null,
      deviceId: newHex32(),
      preparation: null,
      backup: null,
      video: null,
      apps: [],
    };
    if (paid) model.schedule(inst, RunningStatus.RUNNING, model.settings.provisionSeconds);
    model.instances.set(instanceId, inst);
    // Its subscription now, in this commit: left to the next request's lifecycle pass, a 1,500-phone order would be
    // journalled a second time.
    subscriptionOf(inst);
    infos.push({ instanceId, instanceName: inst.instanceName });
  }
  model.commit();
  return { orderId, instanceInfos: infos };
}

/** Pays an order created with isAutoPay 0 (control plane): its phones start provisioning. */
export function payOrder(model: EmulatorModel, orderId: string): string[] {
  const phones = model.instances.ofOrder(orderId).filter((i) => !i.orderPaid);
  for (const inst of phones) {
    inst.orderPaid = true;
    if (inst.runningStatus === RunningStatus.UNKNOWN) {
      inst.runningStatus = RunningStatus.STARTING;
      model.schedule(inst, RunningStatus.RUNNING, model.settings.provisionSeconds);
    }
  }
  if (phones.length) model.commit();
  return phones.map((i) => i.instanceId);
}

/** Puts a phone into "going offline" (3) and schedules its disappearance after releaseSeconds. */
export function beginRelease(model: EmulatorModel, inst: InstanceRecord): void {
  if (inst.runningStatus === RunningStatus.GOING_OFFLINE && inst.transition?.to === 'gone') return;
  inst.runningStatus = RunningStatus.GOING_OFFLINE;
  inst.assignUser = null;
  inst.preparation = null;
  model.schedule(inst, 'gone', model.settings.releaseSeconds);
}

/** POST /v1/instances/delete (docs/api/endpoints.md#delete): unsubscribes yearly/monthly phones; any pay-per-use one → 5001, nothing changes. */
export function deleteInstances(model: EmulatorModel, caller: Caller, body: unknown): null {
  const { instanceIdList } = parseWith(deleteBody, body);
  const owned = resolveOwned(model, caller.tenant, instanceIdList);
  const payPerUse = owned.filter((i) => i.billingMode === '0');
  if (payPerUse.length)
    throw new ApiError('KOOPHONE.API.5001', `instance_id: ${payPerUse.map((i) => i.instanceId).join(',')}`);
  // Frozen phones can still be unsubscribed: that is how a customer gets rid of them (choice, README).
  for (const inst of owned) beginRelease(model, inst);
  model.commit();
  return null;
}

/** POST /v1/instances/batch-query-status (docs/api/endpoints.md#batch-query-status). */
export function queryStatus(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { status_results: { instance_id: string; status: number }[] } {
  const { instance_ids } = parseWith(instanceIdsBody, body);
  const owned = resolveOwned(model, caller.tenant, instance_ids);
  return { status_results: owned.map((i) => ({ instance_id: i.instanceId, status: i.runningStatus })) };
}

/** POST /v1/instances/reboot (docs/api/endpoints.md#reboot): every instance must be running (5005); they restart through 4 → 2. */
export function rebootInstances(model: EmulatorModel, caller: Caller, body: unknown): void {
  const { instance_ids } = parseWith(instanceIdsBody, body);
  const owned = resolveOwned(model, caller.tenant, instance_ids);
  requireOperable(model, owned);
  requireAllRunning(owned);
  for (const inst of owned) {
    inst.runningStatus = RunningStatus.STARTING;
    model.schedule(inst, RunningStatus.RUNNING, model.settings.provisionSeconds);
  }
  model.commit();
}

/**
 * POST /v1/instances/batch-reset (docs/api/endpoints.md#batch-reset): factory reset, returned as a task (shape of the newest pages, docs/api/ambiguities.md#a10). Phones must be
 * running, stopped or shut down (5005 otherwise); they restart through 4 → 2 and lose installed apps.
 */
export function resetInstances(model: EmulatorModel, caller: Caller, body: unknown): SubmittedTask {
  const { instance_ids } = parseWith(instanceIdsBody, body);
  const owned = resolveOwned(model, caller.tenant, instance_ids);
  requireOperable(model, owned);
  requireAllRunning(owned, [RunningStatus.RUNNING, RunningStatus.STOPPED, RunningStatus.SHUT_DOWN]);
  for (const inst of owned) {
    inst.runningStatus = RunningStatus.STARTING;
    inst.apps = [];
    model.schedule(inst, RunningStatus.RUNNING, model.settings.provisionSeconds);
  }
  return submitSucceedingTask(model, caller, 'reset', owned);
}

export type QueryParams = Record<string, string | string[] | undefined>;

const LIST_PARAMS = new Set([
  'x-request-id',
  'page_no',
  'page_size',
  'instance_id',
  'instance_name',
  'query_start_time',
  'query_end_time',
  'pool_scene_tag',
  // docs/api/ambiguities.md#a3: the doc's example URL spells it camelCase.
  'poolSceneTag',
  // SDK 3.1.198+ (docs: "newer SDK only").
  'order',
  'order_by',
  'pool_name',
]);

/**
 * Sort keys of `order_by`. The SDK types it as a free String with no list; the emulator accepts the record's time
 * and name fields (docs/api/wire-fidelity.md) and refuses others with 1000 rather than ignoring them.
 */
const ORDER_KEYS: readonly SortKey[] = ['create_time', 'instance_name', 'instance_id'];

function sortOf(query: QueryParams): { key: SortKey; desc: boolean } {
  const orderBy = singleParam(query, 'order_by');
  const order = singleParam(query, 'order')?.toLowerCase();
  if (order !== undefined && order !== 'asc' && order !== 'desc') throw invalidParameter('order: asc or desc');
  if (orderBy !== undefined && !(ORDER_KEYS as readonly string[]).includes(orderBy))
    throw invalidParameter(`order_by: one of ${ORDER_KEYS.join(', ')}`);
  return { key: (orderBy ?? 'create_time') as SortKey, desc: order === 'desc' };
}

/**
 * pool_name is the node group's name (SDK: "节点组名称"). The emulator's node groups have no name apart from the
 * `nodeGroupId` given at create, so that is what it matches.
 */
function inPool(inst: InstanceRecord, poolName: string | undefined): boolean {
  if (poolName === undefined || poolName === '') return true;
  return inst.nodeGroupId === poolName;
}

function inTimeAndPool(inst: InstanceRecord, start?: number, end?: number, poolName?: string): boolean {
  return (
    (start === undefined || inst.createdAt >= start) &&
    (end === undefined || inst.createdAt <= end) &&
    inPool(inst, poolName)
  );
}

/** Largest page batch-query returns; larger page_size values are capped and echoed as 100 (docs/api/ambiguities.md#a3). */
export const MAX_PAGE_SIZE = 100;

function singleParam(query: QueryParams, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalidParameter(`${name}: given more than once`);
  return value;
}

function positiveIntParam(query: QueryParams, name: string): number {
  const text = singleParam(query, name);
  if (text === undefined || !/^\d{1,9}$/.test(text) || Number(text) < 1) {
    throw invalidParameter(`${name}: must be a positive integer`);
  }
  return Number(text);
}

function timeParam(query: QueryParams, name: string): number | undefined {
  const text = singleParam(query, name);
  if (text === undefined) return undefined;
  const ms = parseQueryTime(text);
  if (ms === undefined) throw invalidParameter(`${name}: expected "YYYY-MM-DD HH:mm:ss"`);
  return ms;
}

/**
 * GET /v1/instances/batch-query (docs/api/endpoints.md#batch-query). Paging fields and error_code/error_msg sit inside `data` as in the
 * tables (docs/api/ambiguities.md#a2). instance_id is an exact filter, instance_name a substring filter, query_*_time compare the
 * creation time.
 */
export function listInstances(model: EmulatorModel, caller: Caller, query: QueryParams): Record<string, unknown> {
  for (const name of Object.keys(query)) {
    if (!LIST_PARAMS.has(name)) throw invalidParameter(`${name}: unknown query parameter`);
  }
  const pageNo = positiveIntParam(query, 'page_no');
  const pageSize = Math.min(positiveIntParam(query, 'page_size'), MAX_PAGE_SIZE);
  const instanceId = singleParam(query, 'instance_id');
  const instanceName = singleParam(query, 'instance_name');
  if (instanceId !== undefined && instanceId.length > 32) throw invalidParameter('instance_id: at most 32 characters');
  const sceneTag = singleParam(query, 'pool_scene_tag') ?? singleParam(query, 'poolSceneTag');
  if (sceneTag !== undefined && sceneTag !== 'CLOUD_PHONE' && sceneTag !== 'CLOUD_APP') {
    throw invalidParameter('pool_scene_tag: CLOUD_PHONE or CLOUD_APP');
  }
  const start = timeParam(query, 'query_start_time');
  const end = timeParam(query, 'query_end_time');
  const poolName = singleParam(query, 'pool_name');

  const { key, desc } = sortOf(query);
  const tenant = caller.tenant.domainId;
  let matches: readonly InstanceRecord[];
  // Every emulated phone is a general cloud phone, so CLOUD_APP matches nothing.
  if (sceneTag === 'CLOUD_APP') matches = [];
  else if (instanceId === undefined || instanceId === '') {
    // Unfiltered: the tenant's cached sorted listing, so a page costs its own size whatever the fleet's.
    matches =
      instanceName === undefined && start === undefined && end === undefined && !poolName
        ? model.instances.sortedOfTenant(tenant, key, desc)
        : sortRecords(
            (instanceName === undefined
              ? [...model.instances.ofTenant(tenant).values()]
              : model.instances.namedOfTenant(tenant, instanceName)
            ).filter((i) => inTimeAndPool(i, start, end, poolName)),
            key,
            desc,
          );
  } else {
    const inst = model.instances.ofTenant(tenant).get(instanceId);
    matches =
      inst &&
      (instanceName === undefined || inst.instanceName.includes(instanceName)) &&
      inTimeAndPool(inst, start, end, poolName)
        ? [inst]
        : [];
  }
  const page = matches.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return {
    result: page.map((i) => toBatchQueryRecord(model, i)),
    page_no: pageNo,
    page_size: pageSize,
    total_count: matches.length,
    error_code: '0',
    error_msg: 'OK',
  };
}
