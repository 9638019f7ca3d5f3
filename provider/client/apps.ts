import { appInstallRequestSchema, appInstallResponseSchema } from '../schemas/wire/apps';
import { defineOperation } from './operation';

/** POST /v1/instances/app/install (koophone-api.md §3.18): starts installs, so it is not replayed once sent. */
export const installAppOp = defineOperation({
  name: 'app-install',
  method: 'POST',
  path: '/v1/instances/app/install',
  replaySafe: false,
  envelope: 'koophone',
  body: appInstallRequestSchema,
  response: appInstallResponseSchema,
});
