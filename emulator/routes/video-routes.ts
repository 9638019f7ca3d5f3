import type { EmulatorModel } from '../model/emulator-model';
import { setVideoConfig } from '../model/video-ops';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#video-setting: streaming bit rate / frame rate per definition. */
export function videoOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'video-setting',
      method: 'PUT',
      url: '/v1/instances/video-setting',
      requestId: 'optional',
      body: 'json',
      successMessage: 'ok',
      run: ({ caller, body }) => setVideoConfig(model, caller, body),
    },
  ];
}
