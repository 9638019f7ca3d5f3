import {
  appInstallRequestSchema,
  appInstallResponseSchema,
  appListQuerySchema,
  appListResponseSchema,
} from '../schemas/wire/apps';
import { deviceTokenPathSchema } from '../schemas/wire/streaming';
import { defineOperation } from './operation';

/** POST /v1/instances/app/install (docs/api/endpoints.md#app-install): starts installs, so it is not replayed once sent. */
export const installAppOp = defineOperation({
  name: 'app-install',
  method: 'POST',
  path: '/v1/instances/app/install',
  replaySafe: false,
  envelope: 'koophone',
  body: appInstallRequestSchema,
  response: appInstallResponseSchema,
});

/** GET /v1/instances/{instance_id}/app-list (SDK ListInstanceApp): installed packages, without an ADB command. */
export const listInstanceAppsOp = defineOperation({
  name: 'app-list',
  method: 'GET',
  path: '/v1/instances/{instance_id}/app-list',
  replaySafe: true,
  envelope: 'koophone',
  params: deviceTokenPathSchema,
  query: appListQuerySchema,
  response: appListResponseSchema,
});
