import { z } from 'zod';

/**
 * Building blocks shared by the KooPhone wire shapes (docs/api/endpoints.md#spelling, #envelope, #http-status, #identifiers).
 * Request pieces carry the documented limits so the client can refuse a bad call before it costs a round trip;
 * response pieces are lenient (optional / nullable) wherever the editions of the docs disagree (docs/api/ambiguities.md).
 */

/** An instance id: 8 alnum chars in practice, documented max 32 (docs/api/endpoints.md#identifiers). */
export const instanceIdSchema = z.string().min(1).max(32);

/** "ids≤100×32": the instance-id list every batch endpoint takes (docs/api/endpoints.md#id-lists). */
export const instanceIdListSchema = z.array(instanceIdSchema).min(1).max(100);

/** A KooPhone organisation user id, a string of at most 32 chars (docs/api/endpoints.md#assign). */
export const userIdSchema = z.string().min(1).max(32);

/** `{user_id, instance_id}` pairs of assign / unassign (docs/api/endpoints.md#assign, #unassign). */
export const userInstanceSchema = z.object({ user_id: userIdSchema, instance_id: instanceIdSchema });
export type UserInstance = z.infer<typeof userInstanceSchema>;

/**
 * `error_code` is a String in every source, but gateways in front of Huawei services have been seen to send numbers;
 * accept both and keep the raw text (docs/api/endpoints.md#envelope; docs/api/ambiguities.md#a5).
 */
export const errorCodeSchema = z.union([z.string(), z.number()]).transform((v) => String(v));

/** `error_msg` is informational only ("OK", "ok", "return sku messages success"); never compared (docs/api/endpoints.md#envelope). */
export const errorMsgSchema = z.string().nullish();

/** Wraps a `data` schema in the KooPhone envelope `{error_code, error_msg, data}` (docs/api/endpoints.md#envelope). */
export function envelope<D extends z.ZodType>(data: D) {
  return z.object({ error_code: errorCodeSchema, error_msg: errorMsgSchema, data });
}

/** Envelope of the endpoints that return no data (video-setting, assign, reboot, delete: `data` absent or null). */
export const emptyEnvelopeSchema = z.object({
  error_code: errorCodeSchema,
  error_msg: errorMsgSchema,
  data: z.unknown().optional(),
});

/**
 * Error bodies: `{error_code, error_msg}` for KooPhone and APIG, `{error: {code, message}}` for IAM (Keystone).
 * Everything optional: a 502 from a proxy may carry HTML, the client then falls back to the HTTP status.
 */
export const errorBodySchema = z.object({
  error_code: errorCodeSchema.optional(),
  error_msg: z.string().nullish(),
  data: z.unknown().optional(),
  error: z
    .object({
      code: errorCodeSchema.optional(),
      message: z.string().nullish(),
      title: z.string().nullish(),
    })
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One job of an async task: `{instance_id, job_id}` (async-command, app/install, and batch-reset/unassign/backup in the newest pages). */
export const cmdJobSchema = z.object({ instance_id: z.string(), job_id: z.string() });
export type CmdJob = z.infer<typeof cmdJobSchema>;

/** `{task_id, cmd_jobs[]}`: the handle of an asynchronous task, polled with GET /v1/instances/tasks/{task_id}. */
export const asyncTaskSchema = z.object({ task_id: z.string(), cmd_jobs: z.array(cmdJobSchema).default([]) });
export type AsyncTask = z.infer<typeof asyncTaskSchema>;

/**
 * batch-reset, unassign and backup return only the envelope in the 2025-08 reference but `data {task_id, cmd_jobs}` in the 2025-11 pages
 * (2025-11-24, docs/api/ambiguities.md#a10): accept both; an absent task is `null`.
 */
export const optionalAsyncTaskEnvelopeSchema = envelope(asyncTaskSchema.nullish().transform((v) => v ?? null));

/** Body of the endpoints that take only `instance_ids` (batch-query-status, batch-reset, reboot, backup). */
export const instanceIdsRequestSchema = z.object({ instance_ids: instanceIdListSchema });
export type InstanceIdsRequest = z.infer<typeof instanceIdsRequestSchema>;
