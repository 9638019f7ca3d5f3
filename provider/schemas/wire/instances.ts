import { z } from 'zod';
import { envelope, errorCodeSchema, errorMsgSchema, instanceIdListSchema, instanceIdSchema } from './common';

/**
 * Instance lifecycle and listing (docs/api/endpoints.md#batch-query-status, #batch-query, #reboot, #create, #delete).
 * create and delete are the only camelCase bodies (docs/api/endpoints.md#spelling).
 */

// ---- POST /v1/instances/create (docs/api/endpoints.md#create, #charge) ----

/** month: periodNum 1–9 (KOOPHONE.API.3006); year: 1–3 (KOOPHONE.API.3007). */
const PERIOD_LIMITS = { 2: 9, 3: 3 } as const;

/** One of a few integer codes; typed `number` so callers need no `as const`, checked at runtime with a clear message. */
function intCode(allowed: readonly number[], meaning: string) {
  return z
    .number()
    .int()
    .refine((v) => allowed.includes(v), `must be ${allowed.join(' or ')} (${meaning})`);
}

export const chargeParamSchema = z
  .object({
    /** 1 = yearly/monthly, the only value the API sells (pay-per-use cannot be bought through the API, docs/api/endpoints.md#charge). */
    chargingMode: intCode([1], '1 = yearly/monthly, the only mode the API sells'),
    periodType: intCode([2, 3], '2 = month, 3 = year'),
    periodNum: z.number().int().min(1),
    isAutoPay: intCode([0, 1], '0 = pay manually, 1 = pay from balance').optional(),
    isAutoRenew: intCode([0, 1], '0 = no auto-renewal, 1 = auto-renew').optional(),
  })
  .superRefine((v, ctx) => {
    const max = v.periodType === 2 || v.periodType === 3 ? PERIOD_LIMITS[v.periodType] : undefined;
    if (max !== undefined && v.periodNum > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodNum'],
        message: `must be 1–${max} when periodType is ${v.periodType === 2 ? '2 (month)' : '3 (year)'}`,
      });
    }
  });
export type ChargeParam = z.infer<typeof chargeParamSchema>;

export const createInstancesRequestSchema = z.object({
  /**
   * SDK: `AOSP11`/`AOSP14` (AOSP9 dropped in 3.1.198). Not an enum here: what is sold comes from the SKU catalogue's
   * pools, and the server judges (docs/api/wire-fidelity.md).
   */
  os: z.string().min(1).max(64),
  instanceSkuId: z.string().min(1).max(64),
  bandSkuId: z.string().min(1).max(64),
  regionId: z.string().min(1).max(64),
  instanceNamePrefix: z.string().min(1).max(14),
  bandSize: z.number().positive(),
  /** ≤ 2000 per the SDK (`maximum: 2000`); the documents said 1500 (docs/api/ambiguities.md#a7). The SDK is newer and wins. */
  count: z.number().int().min(1).max(2000),
  chargeParam: chargeParamSchema,
  network: z.enum(['EIP', 'ADN']).optional(),
  /** Example-only keys (docs/api/ambiguities.md#a13): sent when given, never required. */
  instanceType: z.string().optional(),
  sceneType: z.string().optional(),
  /** SDK 3.1.198+: the node group to buy into (required for node-group orders). */
  nodeGroupId: z.string().min(1).max(64).optional(),
});
export type CreateInstancesRequest = z.infer<typeof createInstancesRequestSchema>;

export const createdInstanceSchema = z.object({ instanceId: z.string().min(1), instanceName: z.string().min(1) });
export type CreatedInstance = z.infer<typeof createdInstanceSchema>;

export const createInstancesResponseSchema = envelope(
  z.object({ orderId: z.string().min(1), instanceInfos: z.array(createdInstanceSchema) }),
);
export type CreateInstancesResponse = z.infer<typeof createInstancesResponseSchema>;

// ---- POST /v1/instances/delete (docs/api/endpoints.md#delete) ----

export const deleteInstancesRequestSchema = z.object({ instanceIdList: instanceIdListSchema });
export type DeleteInstancesRequest = z.infer<typeof deleteInstancesRequestSchema>;

// ---- GET /v1/instances/batch-query (docs/api/endpoints.md#batch-query) ----

export const listInstancesQuerySchema = z.object({
  page_no: z.number().int().min(1),
  /** No documented max; the server caps at 100 (docs/api/ambiguities.md#a3). */
  page_size: z.number().int().min(1),
  instance_id: instanceIdSchema.optional(),
  instance_name: z.string().min(1).optional(),
  pool_scene_tag: z.string().min(1).optional(),
  /** UTC, `2023-08-15 14:30:45`. */
  query_start_time: z.string().optional(),
  query_end_time: z.string().optional(),
  /** SDK 3.1.198+: `asc` / `desc`. */
  order: z.enum(['asc', 'desc']).optional(),
  /** SDK 3.1.198+: the sort field (free text in the SDK). */
  order_by: z.string().min(1).optional(),
  /** SDK 3.1.198+: the node group name. */
  pool_name: z.string().min(1).optional(),
});
export type ListInstancesQuery = z.infer<typeof listInstancesQuerySchema>;

const flag = z.number().int().nullish();
const text = z.string().nullish();

/** One `result[]` entry, snake_case as sent. Only id and name are required; every other field is optional. */
export const instanceRecordSchema = z.object({
  instance_id: z.string().min(1),
  instance_name: z.string(),
  region: text,
  instance_sku: text,
  /** 0 normal, 1 frozen. */
  frozen_status: flag,
  /** 0 unknown, 1 stopped, 2 running, 3 going offline, 4 starting, 5 shut down (docs/api/endpoints.md#running-status). */
  running_status: flag,
  login_status: flag,
  assign_status: flag,
  assign_user: text,
  /** A String on the wire; "1" yearly/monthly, "0" pay-per-use (inferred, docs/api/endpoints.md#instance-flags). */
  billing_mode: text,
  project_id: text,
  project_name: text,
  phone_id: text,
  member_name: text,
  account_name: text,
  region_name: text,
  region_name_en: text,
  backup_status: flag,
  backup_time: text,
  restore_status: flag,
  restore_time: text,
});
export type InstanceRecord = z.infer<typeof instanceRecordSchema>;

const pageFields = {
  page_no: z.number().int().optional(),
  page_size: z.number().int().optional(),
  total_count: z.number().int().min(0).optional(),
};

/**
 * Paging and `error_code` sit inside `data` per the tables/SDK and beside it in one example (docs/api/ambiguities.md#a2): accept both
 * and normalise to `{result, page_no, page_size, total_count}`. `total_count` must be present in one of the places.
 */
export const listInstancesResponseSchema = z
  .object({
    error_code: errorCodeSchema.optional(),
    error_msg: errorMsgSchema,
    ...pageFields,
    data: z.object({
      result: z.array(instanceRecordSchema),
      ...pageFields,
      error_code: errorCodeSchema.optional(),
      error_msg: errorMsgSchema,
    }),
  })
  .superRefine((v, ctx) => {
    if (v.data.total_count === undefined && v.total_count === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'total_count'],
        message: 'missing (looked inside and beside data)',
      });
    }
  })
  .transform((v) => ({
    result: v.data.result,
    page_no: v.data.page_no ?? v.page_no,
    page_size: v.data.page_size ?? v.page_size,
    total_count: v.data.total_count ?? v.total_count ?? 0,
  }));
export type ListInstancesPage = z.output<typeof listInstancesResponseSchema>;

// ---- POST /v1/instances/batch-query-status (docs/api/endpoints.md#batch-query-status) ----

export const instanceStatusSchema = z.object({ instance_id: z.string(), status: z.number().int() });
export type InstanceStatus = z.infer<typeof instanceStatusSchema>;

export const batchQueryStatusResponseSchema = envelope(z.object({ status_results: z.array(instanceStatusSchema) }));
export type BatchQueryStatusResponse = z.infer<typeof batchQueryStatusResponseSchema>;
