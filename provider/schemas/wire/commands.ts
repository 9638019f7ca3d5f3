import { z } from 'zod';
import { asyncTaskSchema, envelope, instanceIdListSchema } from './common';

/** ADB shell commands and async tasks (docs/api/endpoints.md#sync-command, #async-command, #tasks). */

/**
 * `command` ≤ 1024 chars. The documented charset (letters, digits, `_ . / : -`) excludes spaces although every
 * example has them (docs/api/ambiguities.md#a8): only the length is enforced, the server decides the rest.
 */
export const commandRequestSchema = z.object({
  command: z.string().min(1).max(1024),
  instance_ids: instanceIdListSchema,
});
export type CommandRequest = z.infer<typeof commandRequestSchema>;

/**
 * Job status codes (SDK JobDetail / CmdResult). Command jobs: 1 running, 2 succeeded, −1 failed (docs/api/endpoints.md#job-status). App-install
 * jobs: 0 not started, 1 running, 2 succeeded, 3 failed. Read them with jobState(), which knows both.
 */
export const JOB_STATUS = { NOT_STARTED: 0, RUNNING: 1, SUCCEEDED: 2, INSTALL_FAILED: 3, FAILED: -1 } as const;
export type JobState = 'pending' | 'succeeded' | 'failed';

/** 0/1 pending, 2 succeeded, −1 or 3 failed; any other code counts as failed rather than pending forever. */
export function jobState(status: number): JobState {
  if (status === JOB_STATUS.NOT_STARTED || status === JOB_STATUS.RUNNING) return 'pending';
  return status === JOB_STATUS.SUCCEEDED ? 'succeeded' : 'failed';
}

/** What a job reports, in sync-command results and task jobs alike. */
const jobOutcomeFields = {
  /** See JOB_STATUS. */
  status: z.number().int(),
  /** Job-level platform code, `""` on success (e.g. `CPS.0191`, `CPS0005`). */
  error_code: z.string().nullish(),
  error_msg: z.string().nullish(),
  /** Command output ≤ 1024, null in failure examples. */
  execute_msg: z.string().nullish(),
};

export const cmdResultSchema = z.object({ instance_id: z.string(), ...jobOutcomeFields });
export type CmdResult = z.infer<typeof cmdResultSchema>;

export const syncCommandResponseSchema = envelope(z.object({ cmd_results: z.array(cmdResultSchema) }));
export type SyncCommandResponse = z.infer<typeof syncCommandResponseSchema>;

export const asyncCommandResponseSchema = envelope(asyncTaskSchema);
export type AsyncCommandResponse = z.infer<typeof asyncCommandResponseSchema>;

/** GET /v1/instances/tasks/{task_id}: jobs carry no instance id; map them through `job_id` (docs/api/endpoints.md#tasks). */
export const taskIdSchema = z.string().min(1).max(64);

export const taskJobSchema = z.object({ job_id: z.string(), ...jobOutcomeFields });
export type TaskJob = z.infer<typeof taskJobSchema>;

export const taskResponseSchema = envelope(z.object({ jobs: z.array(taskJobSchema) }));
export type TaskResponse = z.infer<typeof taskResponseSchema>;
