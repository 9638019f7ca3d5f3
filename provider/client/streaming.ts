import { instanceIdsRequestSchema, optionalAsyncTaskEnvelopeSchema } from '../schemas/wire/common';
import {
  deviceTokenPathSchema,
  deviceTokenResponseSchema,
  prepareProgressRequestSchema,
  prepareProgressResponseSchema,
  prepareRequestSchema,
  prepareResponseSchema,
  singleInstanceRequestSchema,
} from '../schemas/wire/streaming';
import { emptyEnvelopeSchema } from '../schemas/wire/common';
import { defineOperation } from './operation';

/** Streaming sessions: device token, prepare, progress, backup (docs/api/endpoints.md#device-token, #prepare, #prepare-progress, #backup). */

/** Issues a device token; a second one simply supersedes the first, so it is replay-safe. */
export const getDeviceTokenOp = defineOperation({
  name: 'auth',
  method: 'POST',
  path: '/v1/instances/{instance_id}/auth',
  replaySafe: true,
  envelope: 'koophone',
  params: deviceTokenPathSchema,
  response: deviceTokenResponseSchema,
});

export const prepareInstancesOp = defineOperation({
  name: 'prepare',
  method: 'POST',
  path: '/v1/instances/prepare',
  replaySafe: true,
  envelope: 'koophone',
  body: prepareRequestSchema,
  response: prepareResponseSchema,
});

export const getPrepareProgressOp = defineOperation({
  name: 'prepare-progress',
  method: 'POST',
  path: '/v1/instances/prepare-progress',
  replaySafe: true,
  envelope: 'koophone',
  body: prepareProgressRequestSchema,
  response: prepareProgressResponseSchema,
});

export const backupInstancesOp = defineOperation({
  name: 'backup',
  method: 'POST',
  path: '/v1/instances/backup',
  replaySafe: true,
  envelope: 'koophone',
  body: instanceIdsRequestSchema,
  response: optionalAsyncTaskEnvelopeSchema,
});

/** SDK StopInstancesSession: ends the user's session on a phone. Ending an ended session changes nothing. */
export const releaseSessionOp = defineOperation({
  name: 'session-release',
  method: 'POST',
  path: '/v1/instances/session/release',
  replaySafe: true,
  envelope: 'koophone',
  body: singleInstanceRequestSchema,
  response: emptyEnvelopeSchema,
});

/** SDK StopInstancesStreaming: stops a phone's stream; idempotent. */
export const stopStreamingOp = defineOperation({
  name: 'streaming-stop',
  method: 'POST',
  path: '/v1/instances/streaming/stop',
  replaySafe: true,
  envelope: 'koophone',
  body: singleInstanceRequestSchema,
  response: emptyEnvelopeSchema,
});
