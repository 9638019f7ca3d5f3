import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { ApiError, invalidParameter } from './error-codes';
import { newAppInstallTaskId } from './ids';
import { requireOperable, resolveOwned } from './instance-access';
import { appInstallBody, parseWith } from './request-schemas';
import { RunningStatus } from './running-status';
import { submitTask, type SubmittedTask } from './tasks';

/** 2 GB, in the MB unit of object_size (62015, §5). */
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
 * POST /v1/instances/app/install (§3.18): a task with a `ZGCA` id whose jobs install the APK after taskSeconds.
 * The answer is double-nested: data.data.{task_id, cmd_jobs}.
 */
export function installApp(model: EmulatorModel, caller: Caller, body: unknown): { data: SubmittedTask } {
  const req = parseWith(appInstallBody, body);
  if (req.fast_install !== undefined && req.fast_install !== '0' && req.fast_install !== '1') {
    throw new ApiError('KOOPHONE.API.3008', `fast_install: ${req.fast_install}`);
  }
  if (!PACKAGE_NAME.test(req.object_name)) throw invalidParameter('object_name: expected a package name like com.example.app');
  if (!req.file_name.toLowerCase().endsWith('.apk')) throw invalidParameter('file_name: expected an .apk file name');
  if (req.biz_type !== 'apk') throw invalidParameter('biz_type: only "apk" is supported');
  if (!/^\d+(\.\d+)?$/.test(req.object_size)) throw invalidParameter('object_size: expected a size in MB');
  if (Number(req.object_size) > MAX_APP_SIZE_MB) throw new ApiError('KOOPHONE.API.62015', `object_size: ${req.object_size} MB`);
  if (!isDownloadUrl(req.install_package_url)) throw new ApiError('KOOPHONE.API.62017');
  const owned = resolveOwned(model, caller.tenant, req.instance_id_list);
  requireOperable(model, owned);
  const installedAt = model.now() + model.settings.taskSeconds * 1000;
  const jobs = owned.map((inst) => {
    if (inst.runningStatus !== RunningStatus.RUNNING) {
      return {
        instanceId: inst.instanceId,
        outcome: { status: -1 as const, errorCode: 'CPS.0191', errorMsg: 'Install app failed.', executeMsg: 'instance is not running' },
      };
    }
    inst.apps = inst.apps.filter((a) => a.objectName !== req.object_name);
    inst.apps.push({ objectName: req.object_name, objectVersion: req.object_version, fileName: req.file_name, installedAt });
    return { instanceId: inst.instanceId, outcome: { status: 2 as const, errorCode: '', errorMsg: '', executeMsg: 'Success' } };
  });
  const task = submitTask(model, caller, 'app-install', jobs, newAppInstallTaskId());
  model.commit();
  return { data: task };
}
