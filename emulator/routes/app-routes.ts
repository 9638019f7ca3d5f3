import { installApp, listInstanceApps } from '../model/app-ops';
import type { EmulatorModel } from '../model/emulator-model';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#app-install: APK installation from an OBS URL; the SDK's app-list reads what is installed. */
export function appOperations(model: EmulatorModel): KooPhoneOperation[] {
  return [
    {
      op: 'app-install',
      method: 'POST',
      url: '/v1/instances/app/install',
      // docs/api/ambiguities.md#a16 and the SDK: no x-request-id here.
      requestId: 'optional',
      body: 'json',
      successMessage: 'OK',
      run: ({ caller, body }) => installApp(model, caller, body),
    },
    {
      op: 'app-list',
      method: 'GET',
      url: '/v1/instances/:instance_id/app-list',
      // The SDK always sends this one as a header (ListInstanceApp).
      requestId: 'required',
      body: 'none',
      successMessage: 'OK',
      run: ({ caller, params, query }) => listInstanceApps(model, caller, params.instance_id, query),
    },
  ];
}
