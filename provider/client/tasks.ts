import {
  asyncCommandResponseSchema,
  commandRequestSchema,
  syncCommandResponseSchema,
  taskIdSchema,
  taskResponseSchema,
} from '../schemas/wire/commands';
import { z } from 'zod';
import { defineOperation } from './operation';

/**
 * Shell commands and async tasks (docs/api/endpoints.md#sync-command, #async-command, #tasks). A command can have side effects (`rm`, `reboot`), so
 * submitting one is not replayed once it may have run.
 */

export const syncCommandOp = defineOperation({
  name: 'sync-command',
  method: 'POST',
  path: '/v1/instances/sync-command',
  replaySafe: false,
  envelope: 'koophone',
  body: commandRequestSchema,
  response: syncCommandResponseSchema,
});

export const asyncCommandOp = defineOperation({
  name: 'async-command',
  method: 'POST',
  path: '/v1/instances/async-command',
  replaySafe: false,
  envelope: 'koophone',
  body: commandRequestSchema,
  response: asyncCommandResponseSchema,
});

export const getTaskOp = defineOperation({
  name: 'tasks',
  method: 'GET',
  path: '/v1/instances/tasks/{task_id}',
  replaySafe: true,
  envelope: 'koophone',
  params: z.object({ task_id: taskIdSchema }),
  response: taskResponseSchema,
});
