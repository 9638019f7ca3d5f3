import type { EmulatorModel } from './emulator-model';
import { ApiError } from './error-codes';
import type { InstanceRecord, Tenant } from './state';
import { unique } from './request-schemas';
import { backupStatus, restoreStatus } from './instance-view';
import { RunningStatus } from './running-status';

/**
 * Looks up the caller's instances. Instances of another tenant are never revealed or touched: all foreign →
 * 1001 (insufficient instance permission); own and foreign mixed → 1012 (not one tenant); ids that exist
 * nowhere → 4001. Duplicated ids count once.
 */
export function resolveOwned(model: EmulatorModel, tenant: Tenant, ids: readonly string[]): InstanceRecord[] {
  const owned: InstanceRecord[] = [];
  let foreign = 0;
  const missing: string[] = [];
  for (const id of unique(ids)) {
    const inst = model.instances.get(id);
    if (!inst) missing.push(id);
    else if (inst.tenantDomainId !== tenant.domainId) foreign++;
    else owned.push(inst);
  }
  if (foreign > 0) {
    throw owned.length > 0 ? new ApiError('KOOPHONE.API.1012') : new ApiError('KOOPHONE.API.1001');
  }
  if (missing.length > 0) throw new ApiError('KOOPHONE.API.4001', `instance_id: ${missing.join(',')}`);
  return owned;
}

/**
 * The gate for operations on a phone (commands, reset, reboot, assign, video, prepare, backup, app install):
 * frozen → 2004, being restored → 2005, being backed up → 2006 (docs/api/endpoints.md#errors). Checked for all ids before anything changes.
 */
export function requireOperable(
  model: EmulatorModel,
  instances: readonly InstanceRecord[],
  options: { allowRestoring?: boolean } = {},
): void {
  const now = model.now();
  for (const inst of instances) {
    if (inst.frozen) throw new ApiError('KOOPHONE.API.2004', `instance_id: ${inst.instanceId}`);
  }
  for (const inst of instances) {
    if (!options.allowRestoring && restoreStatus(inst, now) === 1)
      throw new ApiError('KOOPHONE.API.2005', `instance_id: ${inst.instanceId}`);
  }
  for (const inst of instances) {
    if (backupStatus(inst, now) === 1) throw new ApiError('KOOPHONE.API.2006', `instance_id: ${inst.instanceId}`);
  }
}

/** Reboot (docs/api/endpoints.md#reboot) and, by the emulator's choice, reset need every instance running: 5005 otherwise. */
export function requireAllRunning(
  instances: readonly InstanceRecord[],
  allowed: readonly number[] = [RunningStatus.RUNNING],
): void {
  const bad = instances.filter((i) => !allowed.includes(i.runningStatus));
  if (bad.length > 0) throw new ApiError('KOOPHONE.API.5005', `instance_id: ${bad.map((i) => i.instanceId).join(',')}`);
}
