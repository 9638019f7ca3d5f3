import { emptyEnvelopeSchema, instanceIdsRequestSchema, optionalAsyncTaskEnvelopeSchema } from '../schemas/wire/common';
import {
  batchQueryStatusResponseSchema,
  createInstancesRequestSchema,
  createInstancesResponseSchema,
  deleteInstancesRequestSchema,
  listInstancesQuerySchema,
  listInstancesResponseSchema,
} from '../schemas/wire/instances';
import { defineOperation } from './operation';

/** Instance lifecycle, listing and power (docs/api/endpoints.md#batch-query-status, #batch-reset, #batch-query, #reboot, #create, #delete). */

/** Buys phones (a CBC order): never replayed once it may have reached the server. */
export const createInstancesOp = defineOperation({
  name: 'create',
  method: 'POST',
  path: '/v1/instances/create',
  replaySafe: false,
  envelope: 'koophone',
  body: createInstancesRequestSchema,
  response: createInstancesResponseSchema,
});

/** Unsubscribes yearly/monthly phones (refunds money): never replayed once it may have reached the server. */
export const deleteInstancesOp = defineOperation({
  name: 'delete',
  method: 'POST',
  path: '/v1/instances/delete',
  replaySafe: false,
  envelope: 'koophone',
  body: deleteInstancesRequestSchema,
  response: emptyEnvelopeSchema,
});

export const listInstancesOp = defineOperation({
  name: 'batch-query',
  method: 'GET',
  path: '/v1/instances/batch-query',
  replaySafe: true,
  envelope: 'koophone',
  requestIdInQuery: true,
  query: listInstancesQuerySchema,
  response: listInstancesResponseSchema,
});

export const batchQueryStatusOp = defineOperation({
  name: 'batch-query-status',
  method: 'POST',
  path: '/v1/instances/batch-query-status',
  replaySafe: true,
  envelope: 'koophone',
  body: instanceIdsRequestSchema,
  response: batchQueryStatusResponseSchema,
});

export const rebootInstancesOp = defineOperation({
  name: 'reboot',
  method: 'POST',
  path: '/v1/instances/reboot',
  replaySafe: true,
  envelope: 'koophone',
  body: instanceIdsRequestSchema,
  response: emptyEnvelopeSchema,
});

/** Factory reset: replaying it leaves the same freshly reset phone, so it counts as replay-safe. */
export const resetInstancesOp = defineOperation({
  name: 'batch-reset',
  method: 'POST',
  path: '/v1/instances/batch-reset',
  replaySafe: true,
  envelope: 'koophone',
  body: instanceIdsRequestSchema,
  response: optionalAsyncTaskEnvelopeSchema,
});
