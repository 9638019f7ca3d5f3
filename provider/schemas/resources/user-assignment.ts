import { z } from 'zod';
import { instanceIdSchema, userIdSchema } from './common';
import { markedFields, replacesOnChange } from './field-marks';

export const userAssignmentInputsSchema = z.strictObject({
  instanceId: replacesOnChange(
    instanceIdSchema.describe('The phone to assign. Changing it replaces the assignment (unassign, then assign).'),
  ),
  userId: replacesOnChange(
    userIdSchema.describe(
      "The organisation user who gets the phone. Changing it replaces the assignment: the old user is unassigned first, which WIPES that user's data on the phone.",
    ),
  ),
});
export type UserAssignmentArgs = z.input<typeof userAssignmentInputsSchema>;
export type UserAssignmentInputs = z.output<typeof userAssignmentInputsSchema>;
export const USER_ASSIGNMENT_REPLACE_PROPERTIES = markedFields(userAssignmentInputsSchema, 'replaceOnChange');

/** What the provider adds to the inputs, read from batch-query. */
export const userAssignmentStateSchema = z.object({
  assignStatus: z.number().int().describe('`1` while the phone is assigned to `userId`, as batch-query reports it.'),
});
export type UserAssignmentOutputs = UserAssignmentInputs & z.infer<typeof userAssignmentStateSchema>;
