import { emptyEnvelopeSchema, optionalAsyncTaskEnvelopeSchema } from '../schemas/wire/common';
import { userInstancesRequestSchema } from '../schemas/wire/assignments';
import { defineOperation } from './operation';

/**
 * Assign / unassign phones to organisation users (docs/api/endpoints.md#assign, #unassign). Replaying is harmless: a repeated
 * assign at worst reports KPAPI.2209 and a repeated unassign 2210, both of which the caller checks against state.
 */

export const assignInstancesOp = defineOperation({
  name: 'assign',
  method: 'POST',
  path: '/v1/instances/assign',
  replaySafe: true,
  envelope: 'koophone',
  body: userInstancesRequestSchema,
  response: emptyEnvelopeSchema,
});

export const unassignInstancesOp = defineOperation({
  name: 'unassign',
  method: 'POST',
  path: '/v1/instances/unassign',
  replaySafe: true,
  envelope: 'koophone',
  body: userInstancesRequestSchema,
  response: optionalAsyncTaskEnvelopeSchema,
});
