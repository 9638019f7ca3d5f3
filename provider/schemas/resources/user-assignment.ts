import { z } from 'zod';
import { instanceIdSchema, userIdSchema } from './common';

export const userAssignmentInputsSchema = z.strictObject({
  instanceId: instanceIdSchema.describe('The phone to assign. Changing it replaces the assignment (unassign, then assign).'),
  userId: userIdSchema.describe(
    "The organisation user who gets the phone. Changing it replaces the assignment: the old user is unassigned first, which WIPES that user's data on the phone.",
  ),
});
export type UserAssignmentArgs = z.input<typeof userAssignmentInputsSchema>;
export type UserAssignmentInputs = z.output<typeof userAssignmentInputsSchema>;
export const USER_ASSIGNMENT_REPLACE_PROPERTIES = ['instanceId', 'userId'] as const;
