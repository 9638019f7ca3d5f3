import { z } from 'zod';
import { userInstanceSchema } from './common';

/** POST /v1/instances/assign and /unassign (docs/api/endpoints.md#assign, #unassign): snake_case `user_instances` pairs. */

/** ≤ 100 pairs for assign; unassign states no maximum, 100 is assumed (docs/api/endpoints.md#unassign, inferred). */
export const userInstancesRequestSchema = z.object({ user_instances: z.array(userInstanceSchema).min(1).max(100) });
export type UserInstancesRequest = z.infer<typeof userInstancesRequestSchema>;
