import { z } from 'zod';

/**
 * Building blocks shared by the KooPhone wire shapes (koophone-api.md §1.3–§1.6).
 * Request pieces carry the documented limits so the client can refuse a bad call before it costs a round trip;
 * response pieces are lenient (optional / nullable) wherever the editions of the docs disagree (§7).
 */

/** An instance id: 8 alnum chars in practice, documented max 32 (§1.6). */
export const instanceIdSchema = z.string().min(1).max(32);

/** "ids≤100×32": the instance-id list every batch endpoint takes (§3). */
export const instanceIdListSchema = z.array(instanceIdSchema).min(1).max(100);

/** A KooPhone organisation user id, a string of at most 32 chars (§3.8). */
export const userIdSchema = z.string().min(1).max(32);

/** `{user_id, instance_id}` pairs of assign / unassign (§3.8, §3.9). */
export const userInstanceSchema = z.object({ user_id: userIdSchema, instance_id: instanceIdSchema });
export type UserInstance = z.infer<typeof userInstanceSchema>;

/**
 * `error_code` is a String in every source, but gateways in front of Huawei services have been seen to send numbers;
 * accept both and keep the raw text (§1.4, §7.5).
 */
export const errorCodeSchema = z.union([z.string(), z.number()]).transform((v) => String(v));

/** `error_msg` is informational only ("OK", "ok", "return sku messages success"); never compared (§1.4). */
export const errorMsgSchema = z.string().nullish();

/** Wraps a `data` schema in the KooPhone envelope `{error_code, error_msg, data}` (§1.4). */
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

/** One job of an async task: `{instance_id, job_id}` (async-command, app/install, P-new batch-reset/unassign/backup). */
export const cmdJobSchema = z.object({ instance_id: z.string(), job_id: z.string() });
export type CmdJob = z.infer<typeof cmdJobSchema>;

/** `{task_id, cmd_jobs[]}`: the handle of an asynchronous task, polled with GET /v1/instances/tasks/{task_id}. */
export const asyncTaskSchema = z.object({ task_id: z.string(), cmd_jobs: z.array(cmdJobSchema).default([]) });
export type AsyncTask = z.infer<typeof asyncTaskSchema>;

/**
 * batch-reset, unassign and backup return only the envelope in S1 but `data {task_id, cmd_jobs}` in P-new
 * (2025-11-24, §7.10): accept both; an absent task is `null`.
 */
export const optionalAsyncTaskEnvelopeSchema = envelope(asyncTaskSchema.nullish().transform((v) => v ?? null));

/** Body of the endpoints that take only `instance_ids` (batch-query-status, batch-reset, reboot, backup). */
export const instanceIdsRequestSchema = z.object({ instance_ids: instanceIdListSchema });
export type InstanceIdsRequest = z.infer<typeof instanceIdsRequestSchema>;
