import { z } from 'zod';
import { markedFields, replacesOnChange } from './field-marks';
import { phoneSetSchema, resourceUrnSchema, timeoutSecondsSchema, triggersSchema } from './phone-set';

/** PhoneReboot and PhoneReset: an action on create and whenever `triggers` or the phones change. */
const powerFields = {
  instanceIds: replacesOnChange(
    phoneSetSchema.describe(
      'Phones the action runs on (any number, sent 100 per API call). Changing them runs it again.',
    ),
  ),
  triggers: replacesOnChange(triggersSchema),
  timeoutSeconds: timeoutSecondsSchema.describe(
    'How long to wait for the phones to run again, in seconds (default 1800).',
  ),
  resourceUrn: resourceUrnSchema,
};

export const phoneRebootInputsSchema = z.strictObject(powerFields);
export type PhoneRebootArgs = z.input<typeof phoneRebootInputsSchema>;
export type PhoneRebootInputs = z.output<typeof phoneRebootInputsSchema>;

export const phoneResetInputsSchema = z.strictObject({
  ...powerFields,
  confirmDataLoss: z
    .boolean()
    .default(false)
    .describe(
      'Must be `true`: a reset wipes every app and all data on the phones. Preview refuses the resource without it.',
    ),
});
export type PhoneResetArgs = z.input<typeof phoneResetInputsSchema>;
export type PhoneResetInputs = z.output<typeof phoneResetInputsSchema>;

export const PHONE_POWER_REPLACE_PROPERTIES = markedFields(phoneRebootInputsSchema, 'replaceOnChange');

export const phonePowerStateSchema = z.object({
  phoneCount: z.number().int().describe('How many phones the last run rebooted or reset.'),
});
