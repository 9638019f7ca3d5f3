import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { ApiError } from './error-codes';
import { newHex32 } from './ids';
import { requireAllRunning, requireOperable, resolveOwned } from './instance-access';
import { instanceIdsBody, parseWith, prepareBody, prepareProgressBody, singleInstanceBody } from './request-schemas';
import type { InstanceRecord } from './state';
import { submitSucceedingTask, type SubmittedTask } from './tasks';

/** POST /v1/instances/{instance_id}/auth (docs/api/endpoints.md#device-token): a device token for streaming; the phone must be running. */
export function getDeviceToken(model: EmulatorModel, caller: Caller, instanceId: string): Record<string, unknown> {
  if (instanceId.length > 32) throw new ApiError('KOOPHONE.API.1000', 'instance_id: at most 32 characters');
  const [inst] = resolveOwned(model, caller.tenant, [instanceId]);
  requireOperable(model, [inst]);
  requireAllRunning([inst]);
  // A deterministic fake EIP per phone so repeated calls agree.
  const octets = Buffer.from(inst.deviceId.slice(0, 4), 'hex');
  return {
    streamingId: newHex32(),
    device_token: newHex32(),
    resource: {
      sdk: {
        internal: { address: null, aport: null, atype: null, address_ipv6: null },
        external: {
          address: `10.83.${octets[0]}.${octets[1]}`,
          aport: 10030,
          atype: 1,
          address_ipv6: null,
          // SDK 3.1.198+: the ADN line's address, for phones bought with network ADN.
          address_adn: inst.network === 'ADN' ? `10.84.${octets[0]}.${octets[1]}` : null,
        },
      },
      rtc: { ice_signaling: { signaling_url: 'http://100.93.2.248:18082', expired_time: null, ice_servers: [] } },
      device_id: inst.deviceId,
      kp_id: inst.instanceId,
      // SDK 3.1.198+ ("designated apps"); the emulator designates none.
      app_ip_synchronize_list: null,
    },
  };
}

/** The user must hold the phone: preparing restores that user's data (2210 when there is no binding). */
function requireBoundTo(inst: InstanceRecord, userId: string): void {
  if (inst.assignUser !== userId) {
    throw new ApiError('KOOPHONE.API.2210', `user ${userId} / instance ${inst.instanceId}`);
  }
}

/**
 * POST /v1/instances/prepare (docs/api/endpoints.md#prepare): restores the user's data onto the phone. status_list reports 1 (waiting
 * to be restored) for a new preparation and 0 (ready) for one already finished (docs/api/endpoints.md#prepare-status).
 */
export function prepareInstances(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { status_list: { instance_id: string; status: number }[] } {
  const req = parseWith(prepareBody, body);
  const owned = resolveOwned(model, caller.tenant, req.instance_ids);
  for (const inst of owned) requireBoundTo(inst, req.user_id);
  // Preparing again while a preparation runs is idempotent, so "being restored" is no obstacle here.
  requireOperable(model, owned, { allowRestoring: true });
  const now = model.now();
  const phase = model.settings.taskSeconds * 1000;
  const statusList = owned.map((inst) => {
    if (inst.preparation && now >= inst.preparation.restoredAt) return { instance_id: inst.instanceId, status: 0 };
    if (!inst.preparation)
      inst.preparation = { userId: req.user_id, startedAt: now, queuedUntil: now + phase, restoredAt: now + 2 * phase };
    return { instance_id: inst.instanceId, status: 1 };
  });
  model.commit();
  return { status_list: statusList };
}

/**
 * POST /v1/instances/prepare-progress (docs/api/endpoints.md#prepare-progress): 1 queuing (waitingCount = seconds left in the queue) →
 * 2 restoring → 0 done, on the virtual clock (docs/api/endpoints.md#progress-status).
 */
export function prepareProgress(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { status: number; waitingCount: number } {
  const req = parseWith(prepareProgressBody, body);
  const [inst] = resolveOwned(model, caller.tenant, [req.instance_id]);
  requireBoundTo(inst, req.user_id);
  const prep = inst.preparation;
  if (!prep || prep.userId !== req.user_id) {
    throw new ApiError(
      'KOOPHONE.API.1000',
      `instance ${inst.instanceId} has not been prepared for user ${req.user_id}`,
    );
  }
  const now = model.now();
  if (now < prep.queuedUntil) return { status: 1, waitingCount: Math.ceil((prep.queuedUntil - now) / 1000) };
  if (now < prep.restoredAt) return { status: 2, waitingCount: 0 };
  return { status: 0, waitingCount: 0 };
}

/**
 * POST /v1/instances/backup (docs/api/endpoints.md#backup, body per its table: instance_ids, docs/api/ambiguities.md#a12): backs up to OBS and releases the
 * prepared phone. backup_status 1 → 2 in batch-query; returned as a task (shape of the newest pages, docs/api/ambiguities.md#a10).
 */
export function backupInstances(model: EmulatorModel, caller: Caller, body: unknown): SubmittedTask {
  const { instance_ids } = parseWith(instanceIdsBody, body);
  const owned = resolveOwned(model, caller.tenant, instance_ids);
  requireOperable(model, owned);
  const now = model.now();
  const doneAt = now + model.settings.taskSeconds * 1000;
  for (const inst of owned) {
    inst.backup = { startedAt: now, doneAt };
    inst.preparation = null;
  }
  return submitSucceedingTask(model, caller, 'backup', owned);
}

/**
 * POST /v1/instances/session/release (SDK StopInstancesSession, not in the docs): ends the user's session on the
 * phone without a backup, so the preparation is dropped and the phone can be prepared afresh. Answers the envelope.
 */
export function releaseSession(model: EmulatorModel, caller: Caller, body: unknown): void {
  const { instance_id } = parseWith(singleInstanceBody, body);
  const [inst] = resolveOwned(model, caller.tenant, [instance_id]);
  requireOperable(model, [inst], { allowRestoring: true });
  inst.preparation = null;
  model.commit();
}

/**
 * POST /v1/instances/streaming/stop (SDK StopInstancesStreaming, not in the docs): the emulator streams nothing,
 * so this checks the phone is the caller's and running, and answers the envelope.
 */
export function stopStreaming(model: EmulatorModel, caller: Caller, body: unknown): void {
  const { instance_id } = parseWith(singleInstanceBody, body);
  const [inst] = resolveOwned(model, caller.tenant, [instance_id]);
  requireOperable(model, [inst], { allowRestoring: true });
  requireAllRunning([inst]);
}
