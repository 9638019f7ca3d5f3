import { installApp } from '../model/app-ops';
import type { EmulatorModel } from '../model/emulator-model';
import type { KooPhoneOperation } from './koophone-operation';

/** §3.18: APK installation from an OBS URL. */
export function appOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'app-install',
      method: 'POST',
      url: '/v1/instances/app/install',
      // §7.16: the docs mark x-request-id optional here, and so it is.
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => installApp(model, caller, body),
    },
  ];
}
