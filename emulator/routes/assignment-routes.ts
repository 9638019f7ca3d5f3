import { assignInstances, unassignInstances } from '../model/assignment-ops';
import type { EmulatorModel } from '../model/emulator-model';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#assign, #unassign: binding phones to organisation users. */
export function assignmentOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'assign',
      method: 'POST',
      url: '/v1/instances/assign',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => assignInstances(model, caller, body),
    },
    {
      op: 'unassign',
      method: 'POST',
      url: '/v1/instances/unassign',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => unassignInstances(model, caller, body),
    },
  ];
}
