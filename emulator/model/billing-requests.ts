import { z } from 'zod';

/**
 * Request bodies of the billing (BSS v2) subscription calls, in the API's own spelling, with the limits
 * docs/api/billing.md gives. Written from the docs, not taken from the client's wire schemas: an
 * emulator that borrowed the client's schemas would accept the client's mistakes. emulator/billing-conformance.test.ts
 * holds both to the documented examples and limits. Objects are strict: an unknown (misspelt) field is CBC.0100.
 */

/** A phone's billing resource id is its instance id (I); ≤ 64 characters (D, the auto-renew path's `resource_id`). */
const resourceId = z.string().min(1).max(64);
/** `yyyy-MM-ddTHH:mm:ssZ`, UTC (D). */
const utcTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'expected UTC yyyy-MM-ddTHH:mm:ssZ');
const zeroOrOne = z.union([z.literal(0), z.literal(1)]);
/** 2 month, 3 year (D). */
const MONTHS = 2;
const periodType = z.union([z.literal(MONTHS), z.literal(3)]);

/** POST /v2/orders/suscriptions/resources/query: every field optional (D). */
export const queryBody = z.strictObject({
  resource_ids: z.array(resourceId).max(50).optional(),
  // No documented length: the emulator's order ids are short, 64 matches the other BSS ids (I).
  order_id: z.string().max(64).optional(),
  only_main_resource: zeroOrOne.optional(),
  status_list: z.array(z.number().int()).optional(),
  offset: z.number().int().min(0).optional(),
  // Default 10 (D); 1–500 (D: the SDKs' QueryResourcesReq).
  limit: z.number().int().min(1).max(500).optional(),
  expire_time_begin: utcTime.optional(),
  expire_time_end: utcTime.optional(),
});

/** POST /v2/orders/subscriptions/resources/renew: 1–10 main resources, 1–11 months or 1–3 years (D). */
export const renewBody = z
  .strictObject({
    resource_ids: z.array(resourceId).min(1).max(10),
    period_type: periodType,
    period_num: z.number().int().min(1),
    // Mandatory, yet documented as discarded: any integer is accepted and ignored.
    expire_policy: z.number().int(),
    is_auto_pay: zeroOrOne.optional(),
  })
  .refine((b) => b.period_num <= (b.period_type === MONTHS ? 11 : 3), {
    path: ['period_num'],
    message: 'at most 11 months or 3 years',
  });

/** POST /v2/orders/subscriptions/resources/to-on-demand: 1–100 main resources (D). */
export const toOnDemandBody = z.strictObject({
  operation: z.enum(['SET_UP', 'CANCEL']),
  resource_ids: z.array(resourceId).min(1).max(100),
});
