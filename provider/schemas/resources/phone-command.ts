import { z } from 'zod';
import { markedFields, replacesOnChange } from './field-marks';
import { phoneSetSchema, resourceUrnSchema, timeoutSecondsSchema, triggersSchema } from './phone-set';

/**
 * The command rule the client and the emulator share (docs/api/commands.md): 1–1024 printable ASCII characters,
 * spaces allowed. The reference's charset sentence excludes spaces, but every one of its examples has them.
 */
export const COMMAND_MAX_LENGTH = 1024;
export const shellCommandSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(COMMAND_MAX_LENGTH, `must be at most ${COMMAND_MAX_LENGTH} characters`)
  .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII on one line (no tabs, newlines or non-ASCII characters)');

export const phoneCommandInputsSchema = z.strictObject({
  instanceIds: replacesOnChange(
    phoneSetSchema.describe(
      'Phones the command runs on (any number, sent 100 per API call). Changing them runs the command again.',
    ),
  ),
  command: replacesOnChange(
    shellCommandSchema.describe(
      'The ADB shell command, e.g. `settings put global auto_time 1`. Changing it runs the command again.',
    ),
  ),
  async: replacesOnChange(
    z
      .boolean()
      .default(false)
      .describe('Run with `async-command` and poll the task (for long commands) instead of `sync-command`.'),
  ),
  triggers: replacesOnChange(triggersSchema),
  deleteCommand: shellCommandSchema
    .optional()
    .describe('A command run on the phones that still exist when the resource is deleted or replaced.'),
  timeoutSeconds: timeoutSecondsSchema.describe('How long to wait for an async task, in seconds (default 1800).'),
  resourceUrn: resourceUrnSchema,
});
export type PhoneCommandArgs = z.input<typeof phoneCommandInputsSchema>;
export type PhoneCommandInputs = z.output<typeof phoneCommandInputsSchema>;

/** Any of these changing runs the command again (a replace: the old one's deleteCommand runs first). */
export const PHONE_COMMAND_REPLACE_PROPERTIES = markedFields(phoneCommandInputsSchema, 'replaceOnChange');

export const commandResultSchema = z.object({
  instanceId: z.string().describe('The phone.'),
  status: z.enum(['succeeded', 'failed']).describe('How the command ended on the phone.'),
  output: z.string().describe('What the command printed (at most 1024 characters, as the API returns it).'),
  errorCode: z.string().describe('The job-level error code (e.g. `CPS.0191`), empty on success.'),
  errorMessage: z.string().describe('The job-level error message, empty on success.'),
});
export type CommandResult = z.infer<typeof commandResultSchema>;

export const phoneCommandStateSchema = z.object({
  results: z.array(commandResultSchema).describe('One entry per phone: status and output of the last run.'),
});
