import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { requireOperable, resolveOwned } from './instance-access';
import { commandBody, parseWith } from './request-schemas';
import { runCommand } from './shell-simulator';
import { submitTask, type SubmittedTask } from './tasks';

/** POST /v1/instances/sync-command (docs/api/endpoints.md#sync-command): runs at once; per-instance results in cmd_results[]. */
export function syncCommand(
  model: EmulatorModel,
  caller: Caller,
  body: unknown,
): { cmd_results: Record<string, unknown>[] } {
  const req = parseWith(commandBody, body);
  const owned = resolveOwned(model, caller.tenant, req.instance_ids);
  requireOperable(model, owned);
  const answer = {
    cmd_results: owned.map((inst) => {
      const outcome = runCommand(req.command, inst, model.now());
      return {
        instance_id: inst.instanceId,
        status: outcome.status,
        error_code: outcome.errorCode,
        error_msg: outcome.errorMsg,
        execute_msg: outcome.executeMsg,
      };
    }),
  };
  // A command may change the phone (pm uninstall).
  model.commit();
  return answer;
}

/** POST /v1/instances/async-command (docs/api/endpoints.md#async-command): a task whose jobs finish after taskSeconds (poll GET tasks). */
export function asyncCommand(model: EmulatorModel, caller: Caller, body: unknown): SubmittedTask {
  const req = parseWith(commandBody, body);
  const owned = resolveOwned(model, caller.tenant, req.instance_ids);
  requireOperable(model, owned);
  const task = submitTask(
    model,
    caller,
    'command',
    owned.map((inst) => ({ instanceId: inst.instanceId, outcome: runCommand(req.command, inst, model.now()) })),
  );
  model.commit();
  return task;
}
