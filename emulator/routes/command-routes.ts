import { asyncCommand, syncCommand } from '../model/command-ops';
import type { EmulatorModel } from '../model/emulator-model';
import { getTask } from '../model/tasks';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#sync-command, #async-command, #tasks: shell commands and the tasks that report their jobs. */
export function commandOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'sync-command',
      method: 'POST',
      url: '/v1/instances/sync-command',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => syncCommand(model, caller, body),
    },
    {
      op: 'async-command',
      method: 'POST',
      url: '/v1/instances/async-command',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => asyncCommand(model, caller, body),
    },
    {
      op: 'tasks',
      method: 'GET',
      url: '/v1/instances/tasks/:task_id',
      requestId: 'optional',
      body: 'none',
      successMessage: 'ok',
      run: ({ caller, params }) => getTask(model, caller, params.task_id),
    },
  ];
}
