import type { EmulatorModel } from '../model/emulator-model';
import {
  backupInstances,
  getDeviceToken,
  prepareInstances,
  prepareProgress,
  releaseSession,
  stopStreaming,
} from '../model/streaming-ops';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#device-token, #prepare, #prepare-progress, #backup: device tokens and the prepare → stream → backup cycle; the SDK's session release and stop. */
export function streamingOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'auth',
      method: 'POST',
      url: '/v1/instances/:instance_id/auth',
      requestId: 'optional',
      body: 'none',
      successMessage: 'ok',
      run: ({ caller, params }) => getDeviceToken(model, caller, params.instance_id),
    },
    {
      op: 'prepare',
      method: 'POST',
      url: '/v1/instances/prepare',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => prepareInstances(model, caller, body),
    },
    {
      op: 'prepare-progress',
      method: 'POST',
      url: '/v1/instances/prepare-progress',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => prepareProgress(model, caller, body),
    },
    {
      op: 'backup',
      method: 'POST',
      url: '/v1/instances/backup',
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => backupInstances(model, caller, body),
    },
    {
      op: 'session-release',
      method: 'POST',
      url: '/v1/instances/session/release',
      requestId: 'required',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => releaseSession(model, caller, body),
    },
    {
      op: 'streaming-stop',
      method: 'POST',
      url: '/v1/instances/streaming/stop',
      requestId: 'required',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => stopStreaming(model, caller, body),
    },
  ];
}
