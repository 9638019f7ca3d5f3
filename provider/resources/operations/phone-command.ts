import { randomUUID } from 'node:crypto';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { AsyncTask, KooPhoneClient } from '../../client';
import {
  PHONE_COMMAND_REPLACE_PROPERTIES,
  phoneCommandInputsSchema,
  type CommandResult,
  type PhoneCommandInputs,
} from '../../schemas/resources/phone-command';
import { checkInputs } from '../core/check-inputs';
import { PartialStateError } from '../core/partial-state';
import { chunk, failureTable, jobEnd, reasonOf, refusedEnd, waitForTasks, type JobEnd } from './phone-jobs';
import { phoneQueue } from './phone-queue';
import { progressFor } from '../core/progress';
import { configureRuntime, getClient, getDirectory, pollIntervalMs } from '../core/runtime';

export type PhoneCommandOutputs = PhoneCommandInputs & { results: CommandResult[] };

/** Runs `command` on the phones: sync-command per 100 phones, or async-command tasks polled to the end. */
export async function runOnPhones(
  client: KooPhoneClient,
  command: string,
  instanceIds: readonly string[],
  opts: { async: boolean; deadline: number; onPoll?: (done: number, total: number) => void },
): Promise<JobEnd[]> {
  const ends: JobEnd[] = [];
  const tasks: AsyncTask[] = [];
  for (const ids of chunk(instanceIds)) {
    try {
      if (opts.async) tasks.push(await client.asyncCommand(command, ids));
      else for (const r of await client.syncCommand(command, ids)) ends.push(jobEnd(r.instance_id, r));
    } catch (err) {
      ends.push(...ids.map((id) => refusedEnd(id, err)));
    }
  }
  ends.push(
    ...(await waitForTasks(client, tasks, {
      pollIntervalMs: pollIntervalMs(),
      deadline: opts.deadline,
      onPoll: opts.onPoll,
    })),
  );
  return ends;
}

const toResult = (e: JobEnd): CommandResult => ({
  instanceId: e.instanceId,
  status: e.ok ? 'succeeded' : 'failed',
  output: e.output,
  errorCode: e.errorCode,
  errorMessage: e.errorMessage,
});

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Queued on the phones (phone-queue.ts): the timeout counts from when the command is sent. */
async function run(inputs: PhoneCommandInputs, instanceIds: readonly string[]): Promise<CommandResult[]> {
  const progress = progressFor(inputs.resourceUrn);
  const ends = await phoneQueue().run(instanceIds, () =>
    runOnPhones(getClient(), inputs.command, instanceIds, {
      async: inputs.async,
      deadline: Date.now() + inputs.timeoutSeconds * 1000,
      onPoll: (done, total) => progress.status(`command finished on ${done}/${total} phones`),
    }),
  );
  return ends.map(toResult);
}

/** Fails the step when any phone failed, keeping every phone's result in state (the next `up` reruns the failed). */
function finish(id: string, outs: PhoneCommandOutputs): PhoneCommandOutputs {
  const failed = outs.results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return outs;
  throw new PartialStateError(
    id,
    outs,
    `the command failed on ${failed.length} of ${outs.results.length} phones; the next \`pulumi up\` runs it again only there:\n` +
      failureTable(
        failed.map((f) => ({ instanceId: f.instanceId, reason: [reasonOf(f), f.output].filter(Boolean).join(': ') })),
      ),
  );
}

/**
 * An ADB shell command run on create and again (a replace) whenever `command`, `instanceIds`, `async` or `triggers`
 * change. Nothing can be read back, so refresh keeps the recorded results. Charset and length: docs/api/commands.md.
 */
export const phoneCommandProvider: dynamic.ResourceProvider<PhoneCommandInputs, PhoneCommandOutputs> = {
  configure: configureRuntime,

  async check(_olds, news) {
    const result = checkInputs(phoneCommandInputsSchema, news as unknown as Record<string, unknown>);
    return result.inputs ? { inputs: result.inputs } : { failures: result.failures };
  },

  async diff(_id, olds, news) {
    const replaces = PHONE_COMMAND_REPLACE_PROPERTIES.filter((k) => !sameJson(olds[k], news[k]));
    const failedBefore = (olds.results ?? []).some((r) => r.status === 'failed');
    const changes =
      replaces.length > 0 ||
      failedBefore ||
      (Object.keys(news) as (keyof PhoneCommandInputs)[]).some(
        (k) => k !== 'resourceUrn' && !sameJson(olds[k], news[k]),
      );
    // The old deleteCommand (if any) undoes before the command runs again.
    return { changes, replaces, deleteBeforeReplace: olds.deleteCommand !== undefined };
  },

  async create(inputs) {
    const id = randomUUID();
    return { id, outs: finish(id, { ...inputs, results: await run(inputs, inputs.instanceIds) }) };
  },

  async read(id, props) {
    return { id, props };
  },

  /** Only a retry after failures or a change of deleteCommand/timeout reaches here: rerun where it failed. */
  async update(id, olds, news) {
    const before = olds.results ?? [];
    const failed = before.filter((r) => r.status === 'failed').map((r) => r.instanceId);
    const fresh = new Map((await run(news, failed)).map((r) => [r.instanceId, r]));
    return { outs: finish(id, { ...news, results: before.map((r) => fresh.get(r.instanceId) ?? r) }) };
  },

  async delete(_id, props) {
    const deleteCommand = props.deleteCommand;
    if (!deleteCommand) return;
    const ends = await phoneQueue().run(props.instanceIds, async () => {
      const snapshot = await getDirectory().snapshot(0);
      const existing = props.instanceIds.filter((i) => snapshot.has(i));
      return runOnPhones(getClient(), deleteCommand, existing, {
        async: props.async,
        deadline: Date.now() + props.timeoutSeconds * 1000,
      });
    });
    const failed = ends.filter((e) => !e.ok);
    if (failed.length > 0) {
      throw new Error(
        `the delete command failed on ${failed.length} phones:\n${failureTable(failed.map((f) => ({ instanceId: f.instanceId, reason: reasonOf(f) })))}`,
      );
    }
  },
};
