import type { EmulatorModel } from './emulator-model';
import { ApiError } from './error-codes';
import { newHex32 } from './ids';
import type { Caller } from './caller';
import type { InstanceRecord, JobOutcome, TaskKind, TaskRecord } from './state';

export const JOB_SUCCESS: JobOutcome = { status: 2, errorCode: '', errorMsg: '', executeMsg: 'ok' };

export interface SubmittedTask {
  task_id: string;
  cmd_jobs: { instance_id: string; job_id: string }[];
}

/**
 * Records an asynchronous task with one job per instance. Jobs report a pending status until `taskSeconds` have
 * passed on the virtual clock, then their outcome (2 success; −1 failed, 3 for installs, docs/api/endpoints.md#job-status).
 */
export function submitTask(
  model: EmulatorModel,
  caller: Caller,
  kind: TaskKind,
  jobs: { instanceId: string; outcome: JobOutcome }[],
  taskId: string = newHex32(),
): SubmittedTask {
  const now = model.now();
  const task: TaskRecord = {
    taskId,
    tenantDomainId: caller.tenant.domainId,
    kind,
    createdAt: now,
    doneAt: now + model.settings.taskSeconds * 1000,
    jobs: jobs.map((j) => ({ jobId: newHex32(), instanceId: j.instanceId, outcome: j.outcome })),
  };
  model.addTask(task);
  return { task_id: task.taskId, cmd_jobs: task.jobs.map((j) => ({ instance_id: j.instanceId, job_id: j.jobId })) };
}

/**
 * Status of an unfinished job. Install jobs use 0 (not started) / 1 (running) / 2 / 3 (failed), command jobs
 * 1 / 2 / −1 (SDK JobDetail): an install spends the first half of its time queued at 0.
 */
function pendingStatus(task: TaskRecord, now: number): 0 | 1 {
  if (task.kind !== 'app-install') return 1;
  return now < task.createdAt + (task.doneAt - task.createdAt) / 2 ? 0 : 1;
}

/** GET /v1/instances/tasks/{task_id} (docs/api/endpoints.md#tasks). Jobs carry no instance_id. Unknown or foreign task → 1000. */
export function getTask(model: EmulatorModel, caller: Caller, taskId: string): { jobs: Record<string, unknown>[] } {
  const task = model.tasks.get(taskId);
  if (!task || task.tenantDomainId !== caller.tenant.domainId) {
    throw new ApiError('KOOPHONE.API.1000', `task_id: ${taskId} does not exist`);
  }
  const now = model.now();
  const running = now < task.doneAt;
  return {
    jobs: task.jobs.map((job) =>
      running
        ? { job_id: job.jobId, status: pendingStatus(task, now), error_code: '', error_msg: '', execute_msg: null }
        : {
            job_id: job.jobId,
            status: job.outcome.status,
            error_code: job.outcome.errorCode,
            error_msg: job.outcome.errorMsg,
            execute_msg: job.outcome.executeMsg,
          },
    ),
  };
}

/** A task whose every job succeeds (reset, unassign, backup). Commits the model. */
export function submitSucceedingTask(
  model: EmulatorModel,
  caller: Caller,
  kind: TaskKind,
  instances: readonly InstanceRecord[],
): SubmittedTask {
  const task = submitTask(
    model,
    caller,
    kind,
    instances.map((i) => ({ instanceId: i.instanceId, outcome: JOB_SUCCESS })),
  );
  model.commit();
  return task;
}
