import { z } from 'zod';
import { setByProvider } from './field-marks';
import { instanceIdSchema } from './common';

/**
 * A set of phones that actions run on: any number (calls are chunked ≤ 100, docs/api/endpoints.md#id-lists), each once.
 * Duplicates are reported at the repeated entry's index, so an entry still unknown at preview is not judged.
 */
export const phoneSetSchema = z
  .array(instanceIdSchema)
  .min(1, 'must list at least one instance')
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: [i], message: `lists instance "${id}" twice; list each phone once` });
      seen.add(id);
    });
  });

/** Like pulumi-command's `triggers`: any change runs the action again. Strings, so the schema stays typed. */
export const triggersSchema = z
  .array(z.string())
  .default([])
  .describe('Values whose change runs the action again (like `triggers` of pulumi-command); stringify other values.');

export const resourceUrnSchema = setByProvider(
  z
    .string()
    .max(1024)
    .optional()
    .describe("Set by the SDK: the resource's URN, so that progress shows beside the resource. Do not set it."),
);

/** How long to wait for tasks and phones before the step fails, in seconds. */
export const timeoutSecondsSchema = z
  .number()
  .int('must be a whole number of seconds')
  .min(1, 'must be at least 1 second')
  .max(86_400, 'must be at most 86400 seconds (a day)')
  .default(1800);
