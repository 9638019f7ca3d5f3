import { randomUUID } from 'node:crypto';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { AppInstallRequest, AsyncTask, KooPhoneClient } from '../../client';
import {
  appInstallationInputsSchema,
  type AppInstallationInputs,
  type PhoneApp,
} from '../../schemas/resources/app-installation';
import { readInstallations } from './app-drift';
import { checkInputs } from '../core/check-inputs';
import { PartialStateError } from '../core/partial-state';
import { chunk, failureTable, reasonOf, refusedEnd, waitForTasks, type JobEnd } from './phone-jobs';
import { phoneQueue } from './phone-queue';
import { progressFor, type Progress } from '../core/progress';
import { configureRuntime, getClient, getDirectory, pollIntervalMs } from '../core/runtime';

export type AppInstallationOutputs = AppInstallationInputs & { installations: PhoneApp[] };

/** Inputs whose change means new package content: every phone installs again. */
const CONTENT_FIELDS = ['fileName', 'version', 'sizeMb', 'md5', 'packageUrl', 'fastInstall'] as const;

/** The signed URL never leaves in clear: any message that might echo it (a server's error text) is scrubbed. */
export function scrubber(packageUrl: string): (text: string) => string {
  const secrets = [packageUrl, packageUrl.split('?')[0]].filter((s) => s.length >= 8);
  return (text) => secrets.reduce((t, s) => t.split(s).join('[packageUrl]'), text);
}

export function installRequest(inputs: AppInstallationInputs, instanceIds: string[]): AppInstallRequest {
  return {
    fast_install: inputs.fastInstall ? '1' : '0',
    object_name: inputs.packageName,
    file_name: inputs.fileName,
    object_version: inputs.version,
    object_size: String(inputs.sizeMb),
    biz_type: 'apk',
    content_type: 'application/octet-stream',
    content_md5: inputs.md5,
    install_package_url: inputs.packageUrl,
    instance_id_list: instanceIds,
  };
}

interface Env {
  client: KooPhoneClient;
  progress: Progress;
  deadline: number;
}

function envFor(inputs: AppInstallationInputs): Env {
  return {
    client: getClient(),
    progress: progressFor(inputs.resourceUrn),
    deadline: Date.now() + inputs.timeoutSeconds * 1000,
  };
}

/**
 * Starts one install per 100 phones, then polls all tasks. A call refused as a whole (nothing started) fails its
 * phones with the (scrubbed) reason; the other chunks go on.
 */
export async function installOn(env: Env, inputs: AppInstallationInputs, instanceIds: string[]): Promise<PhoneApp[]> {
  if (instanceIds.length === 0) return [];
  const scrub = scrubber(inputs.packageUrl);
  const tasks: AsyncTask[] = [];
  const refused: JobEnd[] = [];
  for (const ids of chunk(instanceIds)) {
    try {
      tasks.push(await env.client.installApp(installRequest(inputs, ids)));
    } catch (err) {
      refused.push(...ids.map((id) => refusedEnd(id, err, scrub)));
    }
  }
  env.progress.status(`installing ${inputs.packageName} ${inputs.version}: 0/${instanceIds.length}`, true);
  const ends = await waitForTasks(env.client, tasks, {
    pollIntervalMs: pollIntervalMs(),
    deadline: env.deadline,
    onPoll: (done, total) =>
      env.progress.status(`installing ${inputs.packageName} ${inputs.version}: ${done}/${total}`),
  });
  return [...ends, ...refused].map((e) => ({
    instanceId: e.instanceId,
    status: e.ok ? 'installed' : 'failed',
    version: e.ok ? inputs.version : '',
    errorCode: e.errorCode,
    errorMessage: scrub(e.errorMessage),
  }));
}

/**
 * Uninstalls with `pm uninstall <package>` through async-command, 100 phones per task, on the phones that still
 * exist. "not installed" counts as done: the app is gone either way. Returns the phones where it failed.
 */
export async function uninstallFrom(env: Env, packageName: string, instanceIds: readonly string[]): Promise<JobEnd[]> {
  if (instanceIds.length === 0) return [];
  const snapshot = await getDirectory().snapshot(0);
  const existing = instanceIds.filter((id) => snapshot.has(id));
  const tasks: AsyncTask[] = [];
  const refused: JobEnd[] = [];
  for (const ids of chunk(existing)) {
    try {
      tasks.push(await env.client.asyncCommand(`pm uninstall ${packageName}`, ids));
    } catch (err) {
      refused.push(...ids.map((id) => refusedEnd(id, err)));
    }
  }
  const ends = await waitForTasks(env.client, tasks, { pollIntervalMs: pollIntervalMs(), deadline: env.deadline });
  return [...ends.filter((e) => !e.ok && !/not installed/i.test(e.output)), ...refused];
}

function failureMessage(inputs: AppInstallationInputs, failed: readonly PhoneApp[], total: number): string {
  return (
    `${inputs.packageName} ${inputs.version} failed to install on ${failed.length} of ${total} phones; the phones where it ` +
    `installed are kept in the stack, and the next \`pulumi up\` retries only these:\n` +
    failureTable(failed.map((f) => ({ instanceId: f.instanceId, reason: reasonOf(f) })))
  );
}

function uninstallMessage(packageName: string, failed: readonly JobEnd[]): string {
  return `${packageName} could not be uninstalled from ${failed.length} phones:\n${failureTable(failed.map((f) => ({ instanceId: f.instanceId, reason: reasonOf(f) })))}`;
}

/** Outputs, failing the step (resource kept in state with what succeeded) when any phone failed. */
function finish(id: string, outs: AppInstallationOutputs, extra: string[] = []): AppInstallationOutputs {
  const failed = outs.installations.filter((p) => p.status !== 'installed');
  const reasons = [...(failed.length > 0 ? [failureMessage(outs, failed, outs.installations.length)] : []), ...extra];
  if (reasons.length > 0) throw new PartialStateError(id, outs, scrubber(outs.packageUrl)(reasons.join('\n')));
  return outs;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which phones an update installs on: all of them for new content, else the ones not installed at the version. */
export function phonesToInstall(olds: AppInstallationOutputs, news: AppInstallationInputs): string[] {
  // At preview a list from another resource may still be unknown (a placeholder string): the inputs diff decides.
  if (!Array.isArray(news.instanceIds)) return [];
  const contentChanged = CONTENT_FIELDS.some((f) => !sameJson(olds[f], news[f]));
  const installed = new Set(
    (olds.installations ?? []).filter((p) => p.status === 'installed').map((p) => p.instanceId),
  );
  return news.instanceIds.filter((id) => contentChanged || !installed.has(id));
}

/**
 * One APK on a set of phones, declared and drift-checked: create installs everywhere; refresh reads each phone
 * through app-list; update installs only where needed (new content: everywhere) and uninstalls from phones removed;
 * delete uninstalls. Task and job semantics: docs/api/commands.md.
 */
export const appInstallationProvider: dynamic.ResourceProvider<AppInstallationInputs, AppInstallationOutputs> = {
  configure: configureRuntime,

  async check(_olds, news) {
    const result = checkInputs(appInstallationInputsSchema, news as unknown as Record<string, unknown>);
    return result.inputs ? { inputs: result.inputs } : { failures: result.failures };
  },

  async diff(_id, olds, news) {
    const replaces = olds.packageName !== news.packageName ? ['packageName'] : [];
    const inputsChanged = (Object.keys(news) as (keyof AppInstallationInputs)[]).some(
      (k) => k !== 'resourceUrn' && !sameJson(olds[k], news[k]),
    );
    const needsRepair = phonesToInstall(olds, news).length > 0;
    return { changes: replaces.length > 0 || inputsChanged || needsRepair, replaces };
  },

  async create(inputs) {
    const id = randomUUID();
    const installations = await phoneQueue().run(inputs.instanceIds, () =>
      installOn(envFor(inputs), inputs, inputs.instanceIds),
    );
    const byPhone = new Map(installations.map((p) => [p.instanceId, p]));
    return { id, outs: finish(id, { ...inputs, installations: inputs.instanceIds.map((i) => byPhone.get(i)!) }) };
  },

  async read(id, props) {
    if (!props) throw new Error(`AppInstallation ${id}: nothing to read (import is not supported)`);
    const installations = await readInstallations(
      getClient(),
      props.instanceIds,
      props.packageName,
      props.version,
      props.installations ?? [],
    );
    return { id, props: { ...props, installations } };
  },

  async update(id, olds, news) {
    return phoneQueue().run([...olds.instanceIds, ...news.instanceIds], () => updateInstallation(id, olds, news));
  },

  async delete(_id, props) {
    await phoneQueue().run(props.instanceIds, async () => {
      const failed = await uninstallFrom(envFor(props), props.packageName, props.instanceIds);
      if (failed.length > 0) throw new Error(uninstallMessage(props.packageName, failed));
    });
  },
};

async function updateInstallation(
  id: string,
  olds: AppInstallationOutputs,
  news: AppInstallationInputs,
): Promise<{ outs: AppInstallationOutputs }> {
  const env = envFor(news);
  const removed = olds.instanceIds.filter((i) => !news.instanceIds.includes(i));
  const uninstallFailures = await uninstallFrom(env, olds.packageName, removed);
  const fresh = new Map((await installOn(env, news, phonesToInstall(olds, news))).map((p) => [p.instanceId, p]));
  const before = new Map((olds.installations ?? []).map((p) => [p.instanceId, p]));
  const installations = news.instanceIds.map((i) => fresh.get(i) ?? before.get(i)!);
  const extra = uninstallFailures.length > 0 ? [uninstallMessage(olds.packageName, uninstallFailures)] : [];
  return { outs: finish(id, { ...news, installations }, extra) };
}
