import { z } from 'zod';

/** KooPhone ids are at most 32 characters (docs/api/endpoints.md#id-lists "ids≤100×32"). */
export const instanceIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters (KooPhone instance ids)')
  .describe('A KooPhone instance id, e.g. `a44uhlf7` (at most 32 characters).');

/** User ids of the tenant's KooPhone organisation, at most 32 characters (assign/unassign docs/api/endpoints.md#assign). */
export const userIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters (KooPhone user ids)')
  .describe("The KooPhone user id of a member of the tenant's organisation (at most 32 characters).");
