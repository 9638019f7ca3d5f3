import type { EmulatorModel } from '../model/emulator-model';
import {
  createInstances,
  deleteInstances,
  listInstances,
  queryStatus,
  rebootInstances,
  resetInstances,
} from '../model/instance-ops';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#batch-query-status, #batch-reset, #batch-query, #reboot, #create, #delete: the instance lifecycle and its reads. */
export function instanceOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'batch-query',
      method: 'GET',
      url: '/v1/instances/batch-query',
      requestId: 'required-query',
      body: 'none',
      successMessage: 'OK',
      run: ({ caller, query }) => listInstances(model, caller, query),
    },
    {
      op: 'batch-query-status',
      method: 'POST',
      url: '/v1/instances/batch-query-status',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => queryStatus(model, caller, body),
    },
    {
      op: 'create',
      method: 'POST',
      url: '/v1/instances/create',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => createInstances(model, caller, body),
    },
    {
      op: 'delete',
      method: 'POST',
      url: '/v1/instances/delete',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => deleteInstances(model, caller, body),
    },
    {
      op: 'reboot',
      method: 'POST',
      url: '/v1/instances/reboot',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => rebootInstances(model, caller, body),
    },
    {
      op: 'batch-reset',
      method: 'POST',
      url: '/v1/instances/batch-reset',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => resetInstances(model, caller, body),
    },
  ];
}
