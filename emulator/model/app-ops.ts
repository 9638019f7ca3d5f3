import type { Caller } from './caller';
import type { QueryParams } from './instance-ops';
import type { EmulatorModel } from './emulator-model';
import { ApiError, invalidParameter } from './error-codes';
import { newAppInstallTaskId } from './ids';
import { requireOperable, resolveOwned } from './instance-access';
import { appInstallBody, parseWith } from './request-schemas';
import { RunningStatus } from './running-status';
import { submitTask, type SubmittedTask } from './tasks';

/** The job-level code of a failed install (docs/api/commands.md): the platform's CPS.0191, status 3. */
const INSTALL_FAILED = { errorCode: 'CPS.0191', errorMsg: 'Install app failed.' };

/** 2 GB, in the MB unit of object_size (62015, docs/api/endpoints.md#errors). */
const MAX_APP_SIZE_MB = 2048;
const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;

function isDownloadUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * POST /v1/instances/app/install (docs/api/endpoints.md#app-install): a task with a `ZGCA` id whose jobs install the APK after taskSeconds.
 * The answer is `data.{task_id, cmd_jobs}` as in the SDK since 3.1.207; the docs' older `data.data` nesting is
 * not produced (clients accept both, docs/api/wire-fidelity.md).
 */
export function installApp(model: EmulatorModel, caller: Caller, body: unknown): SubmittedTask {
  const req = parseWith(appInstallBody, body);
  if (req.fast_install !== undefined && req.fast_install !== '0' && req.fast_install !== '1') {
    throw new ApiError('KOOPHONE.API.3008', `fast_install: ${req.fast_install}`);
  }
  if (!PACKAGE_NAME.test(req.object_name))
    throw invalidParameter('object_name: expected a package name like com.example.app');
  if (!req.file_name.toLowerCase().endsWith('.apk')) throw invalidParameter('file_name: expected an .apk file name');
  if (req.biz_type !== 'apk') throw invalidParameter('biz_type: only "apk" is supported');
  if (!/^\d+(\.\d+)?$/.test(req.object_size)) throw invalidParameter('object_size: expected a size in MB');
  if (Number(req.object_size) > MAX_APP_SIZE_MB)
    throw new ApiError('KOOPHONE.API.62015', `object_size: ${req.object_size} MB`);
  if (!isDownloadUrl(req.install_package_url)) throw new ApiError('KOOPHONE.API.62017');
  const owned = resolveOwned(model, caller.tenant, req.instance_id_list);
  requireOperable(model, owned);
  const installedAt = model.now() + model.settings.taskSeconds * 1000;
  const jobs = owned.map((inst) => {
    if (inst.runningStatus !== RunningStatus.RUNNING) {
      return {
        instanceId: inst.instanceId,
        // Install jobs fail with 3, not the −1 of command jobs (SDK JobDetail).
        outcome: { status: 3 as const, ...INSTALL_FAILED, executeMsg: 'instance is not running' },
      };
    }
    if ((inst.failingInstalls ?? 0) > 0) {
      inst.failingInstalls = (inst.failingInstalls ?? 0) - 1;
      return {
        instanceId: inst.instanceId,
        outcome: { status: 3 as const, ...INSTALL_FAILED, executeMsg: 'download or install failed' },
      };
    }
    inst.apps = inst.apps.filter((a) => a.objectName !== req.object_name);
    inst.apps.push({
      objectName: req.object_name,
      objectVersion: req.object_version,
      fileName: req.file_name,
      installedAt,
    });
    return {
      instanceId: inst.instanceId,
      outcome: { status: 2 as const, errorCode: '', errorMsg: '', executeMsg: 'Success' },
    };
  });
  const task = submitTask(model, caller, 'app-install', jobs, newAppInstallTaskId());
  model.commit();
  return task;
}

/** What every emulated phone ships with: app-list `app_type` 1 (system apps). */
const SYSTEM_APPS = [
  { app_name: 'Settings', app_version: '14', app_pkg: 'com.android.settings', icon_url: '' },
  { app_name: 'Files', app_version: '14', app_pkg: 'com.android.documentsui', icon_url: '' },
];

const APP_LIST_PARAMS = new Set(['page_no', 'page_size', 'app_type']);

function intParam(query: QueryParams, name: string, min: number, max: number, required: boolean): number | undefined {
  const text = query[name];
  if (Array.isArray(text)) throw invalidParameter(`${name}: given more than once`);
  if (text === undefined || text === '') {
    if (required) throw invalidParameter(`${name}: required`);
    return undefined;
  }
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max)
    throw invalidParameter(`${name}: an integer ${min}–${max}`);
  return Number(text);
}

/**
 * GET /v1/instances/{instance_id}/app-list (SDK ListInstanceApp, not in the docs): the phone's installed apps,
 * paged (page_size ≤ 200). app_type 1 = system apps, 2 = third-party (installed through app/install), absent = all.
 * An install shows up once its task has finished.
 */
export function listInstanceApps(
  model: EmulatorModel,
  caller: Caller,
  instanceId: string,
  query: QueryParams,
): Record<string, unknown> {
  for (const name of Object.keys(query))
    if (!APP_LIST_PARAMS.has(name)) throw invalidParameter(`${name}: unknown query parameter`);
  const pageNo = intParam(query, 'page_no', 1, 1e9, true)!;
  const pageSize = intParam(query, 'page_size', 1, 200, true)!;
  const appType = intParam(query, 'app_type', 1, 2, false);
  if (instanceId.length > 32) throw invalidParameter('instance_id: at most 32 characters');
  const [inst] = resolveOwned(model, caller.tenant, [instanceId]);
  const now = model.now();
  const installed = inst.apps
    .filter((a) => a.installedAt <= now)
    .map((a) => ({
      app_name: a.fileName.replace(/\.apk$/i, ''),
      app_version: a.objectVersion,
      app_pkg: a.objectName,
      icon_url: '',
    }));
  const all = [...(appType === 2 ? [] : SYSTEM_APPS), ...(appType === 1 ? [] : installed)];
  return {
    result: all.slice((pageNo - 1) * pageSize, pageNo * pageSize),
    page_no: pageNo,
    page_size: pageSize,
    total_count: all.length,
  };
}
