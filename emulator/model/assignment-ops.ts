import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { ApiError } from './error-codes';
import { requireOperable, resolveOwned } from './instance-access';
import { assignBody, parseWith, unassignBody } from './request-schemas';
import { RunningStatus } from './running-status';
import { submitSucceedingTask, type SubmittedTask } from './tasks';

/**
 * POST /v1/instances/assign (docs/api/endpoints.md#assign). The user must belong to the tenant's organisation, and the phone must be
 * free (or already this user's: idempotent); otherwise KPAPI.2209 "no device can be assigned". All pairs are
 * checked before any is applied: a refused call changes nothing (docs/api/ambiguities.md#a19).
 */
export function assignInstances(model: EmulatorModel, caller: Caller, body: unknown): void {
  const { user_instances } = parseWith(assignBody, body);
  const owned = resolveOwned(
    model,
    caller.tenant,
    user_instances.map((p) => p.instance_id),
  );
  requireOperable(model, owned);
  const wanted = new Map<string, string>();
  for (const { instance_id, user_id } of user_instances) {
    if (!caller.tenant.users.some((u) => u.userId === user_id)) {
      throw new ApiError('KPAPI.2209', `user_id ${user_id} is not a member of the organisation`);
    }
    const inst = model.instances.get(instance_id)!;
    const previous = wanted.get(instance_id) ?? inst.assignUser;
    if (previous !== null && previous !== user_id) {
      throw new ApiError('KPAPI.2209', `instance ${instance_id} is already assigned`);
    }
    if (inst.runningStatus === RunningStatus.GOING_OFFLINE) {
      throw new ApiError('KPAPI.2209', `instance ${instance_id} is going offline`);
    }
    wanted.set(instance_id, user_id);
  }
  for (const [instanceId, userId] of wanted) model.instances.get(instanceId)!.assignUser = userId;
  model.commit();
}

/**
 * POST /v1/instances/unassign (docs/api/endpoints.md#unassign): each pair must be a current binding (2210 otherwise),
 * all checked before any changes (docs/api/ambiguities.md#a19). The user's data on
 * the phone is wiped, reported as a task (shape of the newest pages, docs/api/ambiguities.md#a10).
 */
export function unassignInstances(model: EmulatorModel, caller: Caller, body: unknown): SubmittedTask {
  const { user_instances } = parseWith(unassignBody, body);
  const owned = resolveOwned(
    model,
    caller.tenant,
    user_instances.map((p) => p.instance_id),
  );
  requireOperable(model, owned);
  for (const { instance_id, user_id } of user_instances) {
    if (model.instances.get(instance_id)!.assignUser !== user_id) {
      throw new ApiError('KOOPHONE.API.2210', `user ${user_id} / instance ${instance_id}`);
    }
  }
  for (const inst of owned) {
    inst.assignUser = null;
    inst.preparation = null;
    inst.apps = [];
  }
  return submitSucceedingTask(model, caller, 'unassign', owned);
}
