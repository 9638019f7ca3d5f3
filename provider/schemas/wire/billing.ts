import { z } from 'zod';

/**
 * Huawei Cloud billing (BSS v2) wire shapes for yearly/monthly subscriptions, in the API's own spelling
 * (docs/api/billing.md). Requests carry the documented limits; responses are lenient (unknown fields pass,
 * fields the provider does not use are optional).
 */

/** A BSS resource id (≤ 64 chars); for a phone it is its instance id (inferred, docs/api/billing.md). */
export const billingResourceIdSchema = z.string().min(1).max(64);

/** Ids per query call (documented: at most 50). */
export const QUERY_IDS_MAX = 50;
/** Rows per query page (documented in the SDK model QueryResourcesReq: `limit` 1–500); a by-order read uses all 500. */
export const QUERY_LIMIT_MAX = 500;
/** Ids per renewal call (documented: at most 10 on the current page). */
export const RENEW_IDS_MAX = 10;
/** Ids per to-on-demand call (documented: at most 100). */
export const TO_ON_DEMAND_IDS_MAX = 100;

/** BSS times: UTC `yyyy-MM-ddTHH:mm:ssZ`. */
const bssTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'expected UTC yyyy-MM-ddTHH:mm:ssZ');

export const querySubscriptionsRequestSchema = z.strictObject({
  resource_ids: z.array(billingResourceIdSchema).max(QUERY_IDS_MAX).optional(),
  order_id: z.string().max(64).optional(),
  only_main_resource: z.union([z.literal(0), z.literal(1)]).optional(),
  status_list: z.array(z.number().int()).max(10).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(QUERY_LIMIT_MAX).optional(),
  expire_time_begin: bssTimeSchema.optional(),
  expire_time_end: bssTimeSchema.optional(),
});
export type QuerySubscriptionsRequest = z.infer<typeof querySubscriptionsRequestSchema>;

/** 1 initialising, 2 in effect, 3 expired, 4 frozen, 5 grace period, 6 freezing, 7 unfreezing, 8 closing. */
export const SUBSCRIPTION_STATUS = {
  1: 'initialising',
  2: 'active',
  3: 'expired',
  4: 'frozen',
  5: 'grace',
  6: 'freezing',
  7: 'unfreezing',
  8: 'closing',
} as const;

/** 0 grace period, 1 pay-per-use, 2 delete, 3 auto-renew, 4 freeze, 5 delete from retention. */
export const EXPIRE_POLICY = {
  gracePeriod: 0,
  payPerUse: 1,
  delete: 2,
  autoRenew: 3,
  freeze: 4,
  deleteFromRetention: 5,
} as const;

export const orderInstanceSchema = z.looseObject({
  id: z.string().optional(),
  resource_id: z.string(),
  resource_name: z.string().nullish(),
  region_code: z.string().nullish(),
  is_main_resource: z.number().int().nullish(),
  status: z.number().int(),
  effective_time: z.string().nullish(),
  expire_time: z.string().nullish(),
  expire_policy: z.number().int().nullish(),
});
export type OrderInstance = z.infer<typeof orderInstanceSchema>;

export const querySubscriptionsResponseSchema = z.looseObject({
  total_count: z.number().int().optional(),
  data: z
    .array(orderInstanceSchema)
    .nullish()
    .transform((v) => v ?? []),
});

export const renewSubscriptionsRequestSchema = z
  .strictObject({
    resource_ids: z.array(billingResourceIdSchema).min(1).max(RENEW_IDS_MAX),
    period_type: z.union([z.literal(2), z.literal(3)]),
    period_num: z.number().int().min(1),
    expire_policy: z.number().int().min(0).max(3),
    is_auto_pay: z.union([z.literal(0), z.literal(1)]).optional(),
  })
  .superRefine((req, ctx) => {
    const max = req.period_type === 2 ? 11 : 3;
    if (req.period_num > max) ctx.addIssue({ code: 'custom', path: ['period_num'], message: `must be at most ${max}` });
  });
export type RenewSubscriptionsRequest = z.infer<typeof renewSubscriptionsRequestSchema>;

export const renewSubscriptionsResponseSchema = z.looseObject({
  order_ids: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});

export const autoRenewParamsSchema = z.strictObject({ resource_id: billingResourceIdSchema });

/** Auto-renew on/off answer with no body fields (an empty body is read as `{}`). */
export const emptyBssResponseSchema = z.looseObject({});

export const toOnDemandRequestSchema = z.strictObject({
  operation: z.enum(['SET_UP', 'CANCEL']),
  resource_ids: z.array(billingResourceIdSchema).min(1).max(TO_ON_DEMAND_IDS_MAX),
});
export type ToOnDemandRequest = z.infer<typeof toOnDemandRequestSchema>;

export const bssErrorDetailSchema = z.looseObject({
  error_code: z.string().nullish(),
  error_msg: z.string().nullish(),
  resource_id: z.string().nullish(),
});
export type BssErrorDetail = z.infer<typeof bssErrorDetailSchema>;

export const toOnDemandResponseSchema = z.looseObject({
  error_details: z
    .array(bssErrorDetailSchema)
    .nullish()
    .transform((v) => v ?? []),
});
