import { randomUUID } from 'node:crypto';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { AsyncTask, KooPhoneClient } from '../../client';
import {
  PHONE_POWER_REPLACE_PROPERTIES,
  phoneRebootInputsSchema,
  phoneResetInputsSchema,
  type PhoneRebootInputs,
  type PhoneResetInputs,
} from '../../schemas/resources/phone-power';
import { checkInputs, UNKNOWN_VALUE } from '../core/check-inputs';
import { chunk, failureTable, reasonOf, waitForTasks, waitUntilRunning } from './phone-jobs';
import { phoneQueue } from './phone-queue';
import { progressFor } from '../core/progress';
import { configureRuntime, getClient, pollIntervalMs } from '../core/runtime';

type PowerInputs = PhoneRebootInputs | PhoneResetInputs;
type PowerOutputs<I> = I & { phoneCount: number };

interface PowerAction {
  /** `reboot` or `reset`, for messages. */
  verb: string;
  /** Sends the call for ≤ 100 phones; a task when the API returns one (batch-reset in the newest pages, docs/api/ambiguities.md#a10). */
  send(client: KooPhoneClient, ids: string[]): Promise<AsyncTask | null>;
}

const REBOOT: PowerAction = {
  verb: 'reboot',
  async send(client, ids) {
    await client.rebootInstances(ids);
    return null;
  },
};
const RESET: PowerAction = { verb: 'reset', send: (client, ids) => client.resetInstances(ids) };

/**
 * Sends the action 100 phones per call, waits for reset tasks (if any), then until every phone runs again. Queued on
 * the phones (phone-queue.ts) and holding them until they run again, so no install or command meets a phone starting.
 */
async function act(action: PowerAction, inputs: PowerInputs): Promise<void> {
  await phoneQueue().run(inputs.instanceIds, () => actNow(action, inputs));
}

async function actNow(action: PowerAction, inputs: PowerInputs): Promise<void> {
  const client = getClient();
  const progress = progressFor(inputs.resourceUrn);
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  const tasks: AsyncTask[] = [];
  for (const ids of chunk(inputs.instanceIds)) {
    const task = await action.send(client, ids);
    if (task) tasks.push(task);
  }
  const failedJobs = (await waitForTasks(client, tasks, { pollIntervalMs: pollIntervalMs(), deadline })).filter(
    (e) => !e.ok,
  );
  const rows = failedJobs.map((f) => ({ instanceId: f.instanceId, reason: reasonOf(f) }));
  const failed = new Set(rows.map((r) => r.instanceId));
  const notRunning = await waitUntilRunning(
    client,
    inputs.instanceIds.filter((i) => !failed.has(i)),
    {
      pollIntervalMs: pollIntervalMs(),
      deadline,
      onPoll: (done, total) => progress.status(`phones running again: ${done}/${total}`),
    },
  );
  rows.push(
    ...notRunning.map((instanceId) => ({
      instanceId,
      reason: `not running ${inputs.timeoutSeconds} s after the ${action.verb}`,
    })),
  );
  if (rows.length > 0) {
    throw new Error(
      `the ${action.verb} did not complete on ${rows.length} of ${inputs.instanceIds.length} phones:\n${failureTable(rows)}`,
    );
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** How many phones a reset will wipe, as preview can know it. */
export function wipeCount(instanceIds: unknown): string {
  if (!Array.isArray(instanceIds) || instanceIds.length === 0) return 'the listed phones';
  const known = instanceIds.filter((i) => i !== UNKNOWN_VALUE).length;
  return known === instanceIds.length ? `${known} phone${known === 1 ? '' : 's'}` : `${instanceIds.length} phones`;
}

/**
 * The PhoneReboot / PhoneReset provider: the action runs on create and again (a replace) when `instanceIds` or
 * `triggers` change; update (a timeout change) and delete do nothing to the phones.
 */
function powerProvider<I extends PowerInputs>(
  action: PowerAction,
  check: (olds: Record<string, unknown>, news: Record<string, unknown>) => dynamic.CheckResult<I>,
): dynamic.ResourceProvider<I, PowerOutputs<I>> {
  return {
    configure: configureRuntime,
    async check(olds, news) {
      return check(olds, news);
    },
    async diff(_id, olds, news) {
      const replaces = PHONE_POWER_REPLACE_PROPERTIES.filter((k) => !sameJson(olds[k], news[k]));
      const changes = replaces.length > 0 || !sameJson(olds.timeoutSeconds, news.timeoutSeconds);
      return { changes, replaces };
    },
    async create(inputs) {
      await act(action, inputs);
      return { id: randomUUID(), outs: { ...inputs, phoneCount: inputs.instanceIds.length } };
    },
    async read(id, props) {
      return { id, props };
    },
    async update(_id, olds, news) {
      return { outs: { ...news, phoneCount: olds.phoneCount } };
    },
    async delete() {},
  };
}

export const phoneRebootProvider = powerProvider<PhoneRebootInputs>(REBOOT, (_olds, news) => {
  const result = checkInputs(phoneRebootInputsSchema, news);
  return result.inputs ? { inputs: result.inputs } : { failures: result.failures };
});

/**
 * Refused at check (so at preview) without `confirmDataLoss: true`, saying how many phones would be wiped; with it,
 * a check that will run the reset (new resource, or other phones or triggers) warns how many phones it wipes.
 */
export const phoneResetProvider = powerProvider<PhoneResetInputs>(RESET, (olds, news) => {
  const result = checkInputs(phoneResetInputsSchema, news);
  if (!result.inputs) return { failures: result.failures };
  if (result.inputs.confirmDataLoss !== true) {
    return {
      failures: [
        {
          property: 'confirmDataLoss',
          reason: `a reset wipes every app and all data on ${wipeCount(news.instanceIds)}; set confirmDataLoss: true to allow it`,
        },
      ],
    };
  }
  const willRun = PHONE_POWER_REPLACE_PROPERTIES.some((k) => !sameJson(olds[k], news[k]));
  if (willRun)
    progressFor(result.inputs.resourceUrn).warn(
      `this reset wipes every app and all data on ${wipeCount(news.instanceIds)}`,
    );
  return { inputs: result.inputs };
});
