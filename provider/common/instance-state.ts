import type { InstanceState } from '../schemas/resources/instance';
import type { InstanceRecord } from '../schemas/wire/instances';
import { runningStatusWord } from './running-status';

/**
 * A phone's state in resource spelling from its batch-query record (snake_case → camelCase, absent → empty/0).
 * Shared by the Instance provider (outputs) and the SDK's getInstances (summaries).
 */
export function stateFromRecord(record: InstanceRecord, orderId: string, adopted: boolean): InstanceState {
  return {
    instanceId: record.instance_id,
    instanceName: record.instance_name ?? '',
    orderId,
    runningStatus: record.running_status ?? 0,
    status: runningStatusWord(record.running_status),
    frozenStatus: record.frozen_status ?? 0,
    loginStatus: record.login_status ?? 0,
    assignStatus: record.assign_status ?? 0,
    assignUser: record.assign_user ?? '',
    billingMode: record.billing_mode ?? '',
    instanceSku: record.instance_sku ?? '',
    region: record.region ?? '',
    regionNameEn: record.region_name_en ?? '',
    projectId: record.project_id ?? '',
    projectName: record.project_name ?? '',
    adopted,
  };
}
