import type { EmulatorModel } from './emulator-model';
import type { InstanceRecord } from './state';
import { findSku, regionNames } from './sku-catalogue';
import { formatQueryTime } from './time-format';

/** backup_status (docs/api/endpoints.md#instance-flags): 0 before any backup, 1 in progress, 2 succeeded. */
export function backupStatus(inst: InstanceRecord, now: number): number {
  if (!inst.backup) return 0;
  return now < inst.backup.doneAt ? 1 : 2;
}

/** restore_status (docs/api/endpoints.md#instance-flags): prepare restores the user's data; 1 while queued/restoring, 2 once restored. */
export function restoreStatus(inst: InstanceRecord, now: number): number {
  if (!inst.preparation) return 0;
  return now < inst.preparation.restoredAt ? 1 : 2;
}

/** One `result[]` entry of batch-query (docs/api/endpoints.md#batch-query), snake_case. */
export function toBatchQueryRecord(model: EmulatorModel, inst: InstanceRecord): Record<string, unknown> {
  const now = model.now();
  const tenant = model.tenantByDomainId(inst.tenantDomainId);
  const sku = findSku(inst.regionId, inst.instanceSkuId);
  const names = regionNames(inst.regionId);
  const member = inst.assignUser ? tenant?.users.find((u) => u.userId === inst.assignUser) : undefined;
  const backupTime = inst.backup
    ? now < inst.backup.doneAt
      ? inst.backup.startedAt
      : inst.backup.doneAt
    : inst.createdAt;
  const restoreTime = inst.preparation
    ? now < inst.preparation.restoredAt
      ? inst.preparation.startedAt
      : inst.preparation.restoredAt
    : inst.createdAt;
  return {
    instance_id: inst.instanceId,
    instance_name: inst.instanceName,
    region: inst.regionId,
    instance_sku: sku ? sku.specDescEn : inst.instanceSkuId,
    frozen_status: inst.frozen ? 1 : 0,
    running_status: inst.runningStatus,
    login_status: 0,
    assign_status: inst.assignUser ? 1 : 0,
    // Unassigned: "" rather than null so String-typed parsers accept it (choice, README).
    assign_user: inst.assignUser ?? '',
    billing_mode: inst.billingMode,
    project_id: inst.projectId,
    project_name: inst.projectName,
    // The reference's example literally returns the string "null".
    phone_id: 'null',
    member_name: member?.name ?? '',
    account_name: tenant?.domainName ?? '',
    region_name: names.zh,
    region_name_en: names.en,
    backup_status: backupStatus(inst, now),
    backup_time: formatQueryTime(backupTime),
    restore_status: restoreStatus(inst, now),
    restore_time: formatQueryTime(restoreTime),
  };
}
