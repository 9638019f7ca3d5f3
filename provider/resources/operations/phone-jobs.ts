import { jobState, type AsyncTask, type KooPhoneClient, type TaskJob } from '../../client';
import { chunk as chunkOf } from '../../common/chunk';
import { describeError } from '../core/partial-state';

/**
 * Shared by the resources that act on phones (apps, commands, reboots, resets): chunking to the API's 100 ids per
 * call, task polling with jobs mapped to phones by `job_id` (tasks carry no instance id, docs/api/endpoints.md#tasks), waits
 * for phones to run again, and the failure table every one of them reports.
 */

/** Batch endpoints take at most this many instance ids per call. */
export const IDS_PER_CALL = 100;

/** Chunks of at most IDS_PER_CALL ids (or `size`): provider/common/chunk.ts with the batch endpoints' limit. */
export function chunk<T>(items: readonly T[], size = IDS_PER_CALL): T[][] {
  return chunkOf(items, size);
}

export interface JobEnd {
  instanceId: string;
  ok: boolean;
  errorCode: string;
  errorMessage: string;
  output: string;
}

export interface WaitOptions {
  pollIntervalMs: number;
  /** Epoch ms after which jobs still pending count as failed. */
  deadline: number;
  /** Called after each poll with the number of phones done so far. */
  onPoll?: (done: number, total: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function jobEnd(
  instanceId: string,
  job: Pick<TaskJob, 'status' | 'error_code' | 'error_msg' | 'execute_msg'>,
): JobEnd {
  const ok = jobState(job.status) === 'succeeded';
  return {
    instanceId,
    ok,
    errorCode: job.error_code ?? '',
    errorMessage: job.error_msg || (ok ? '' : `job status ${job.status}`),
    output: job.execute_msg ?? '',
  };
}

/** A phone whose call was refused as a whole (nothing started there). */
export function refusedEnd(instanceId: string, err: unknown, scrub: (text: string) => string = (t) => t): JobEnd {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : '';
  return { instanceId, ok: false, errorCode: code, errorMessage: scrub(describeError(err)), output: '' };
}

/**
 * Polls every task until each of its jobs has ended (install jobs 0/1 pending, command jobs 1; see jobState). Jobs
 * still pending at the deadline end as failed with a timeout reason, so a stuck job never hangs a deployment.
 */
export async function waitForTasks(
  client: KooPhoneClient,
  tasks: readonly AsyncTask[],
  opts: WaitOptions,
): Promise<JobEnd[]> {
  const phoneOf = new Map<string, string>();
  for (const t of tasks) for (const j of t.cmd_jobs) phoneOf.set(j.job_id, j.instance_id);
  const ended = new Map<string, JobEnd>();
  let open = tasks.filter((t) => t.cmd_jobs.length > 0);
  while (open.length > 0) {
    const still: AsyncTask[] = [];
    for (const task of open) {
      const jobs = await client.getTask(task.task_id);
      for (const job of jobs) {
        const phone = phoneOf.get(job.job_id);
        if (phone && jobState(job.status) !== 'pending') ended.set(job.job_id, jobEnd(phone, job));
      }
      if (task.cmd_jobs.some((j) => !ended.has(j.job_id))) still.push(task);
    }
    opts.onPoll?.(ended.size, phoneOf.size);
    open = still;
    if (open.length === 0) break;
    if (Date.now() >= opts.deadline) {
      for (const task of open) {
        for (const j of task.cmd_jobs) {
          if (!ended.has(j.job_id)) {
            ended.set(j.job_id, {
              instanceId: j.instance_id,
              ok: false,
              errorCode: '',
              errorMessage: 'still running when the timeout passed',
              output: '',
            });
          }
        }
      }
      break;
    }
    await sleep(opts.pollIntervalMs);
  }
  return tasks.flatMap((t) => t.cmd_jobs.map((j) => ended.get(j.job_id)!));
}

/** running_status 2 (docs/api/endpoints.md#running-status). */
const RUNNING = 2;

/**
 * Waits until every phone reports running (batch-query-status, 100 per call); returns the phones that were not
 * running by the deadline.
 */
export async function waitUntilRunning(
  client: KooPhoneClient,
  instanceIds: readonly string[],
  opts: WaitOptions,
): Promise<string[]> {
  let waiting = [...instanceIds];
  for (;;) {
    const running = new Set<string>();
    for (const ids of chunk(waiting)) {
      for (const s of await client.batchQueryStatus(ids)) if (s.status === RUNNING) running.add(s.instance_id);
    }
    waiting = waiting.filter((id) => !running.has(id));
    opts.onPoll?.(instanceIds.length - waiting.length, instanceIds.length);
    if (waiting.length === 0 || Date.now() >= opts.deadline) return waiting;
    await sleep(opts.pollIntervalMs);
  }
}

/** At most this many rows in a failure table; the rest are counted. */
const MAX_ROWS = 20;

/** `phone → reason` lines for an error message: the phones named, most useful first. */
export function failureTable(rows: readonly { instanceId: string; reason: string }[]): string {
  const width = Math.max(5, ...rows.slice(0, MAX_ROWS).map((r) => r.instanceId.length));
  const lines = rows.slice(0, MAX_ROWS).map((r) => `  ${r.instanceId.padEnd(width)}  ${r.reason}`);
  if (rows.length > MAX_ROWS) lines.push(`  … and ${rows.length - MAX_ROWS} more phones`);
  return [`  ${'phone'.padEnd(width)}  reason`, ...lines].join('\n');
}

export function reasonOf(end: Pick<JobEnd, 'errorCode' | 'errorMessage'>): string {
  return [end.errorCode, end.errorMessage].filter(Boolean).join(' ') || 'failed';
}
