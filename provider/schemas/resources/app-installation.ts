import { z } from 'zod';
import { markedFields, replacesOnChange, secretField } from './field-marks';
import { phoneSetSchema, resourceUrnSchema, timeoutSecondsSchema } from './phone-set';

/** Limits from app/install (docs/api/endpoints.md#app-install); a package name as Android defines it. */
const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
/** 2 GB in MB: larger packages fail with KOOPHONE.API.62015. */
export const MAX_APP_SIZE_MB = 2048;

export const appInstallationInputsSchema = z.strictObject({
  instanceIds: phoneSetSchema.describe(
    'Phones the app is installed on (any number, sent 100 per API call). Phones added get the app, phones removed get it uninstalled.',
  ),
  packageName: replacesOnChange(
    z
      .string()
      .max(100, 'must be at most 100 characters')
      .regex(PACKAGE_NAME, 'must be an Android package name like com.example.app')
      .describe(
        `The APK's package name (\`object_name\`), e.g. \`com.example.app\`. Changing it replaces the installation (the new app is installed, the old one uninstalled).`,
      ),
  ),
  fileName: z
    .string()
    .max(100, 'must be at most 100 characters')
    .regex(/^[^/\\]+\.apk$/i, 'must be an .apk file name like example.apk')
    .describe('The APK file name with its suffix (`file_name`), e.g. `example.apk`.'),
  version: z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .describe('The APK version (`object_version`), e.g. `1.2.3`; drift is judged against it.'),
  sizeMb: z
    .number()
    .positive('must be more than 0 MB')
    .max(MAX_APP_SIZE_MB, `must be at most ${MAX_APP_SIZE_MB} MB (2 GB)`)
    .describe('The APK size in MB (`object_size`); at most 2048.'),
  md5: z
    .string()
    .max(200, 'must be at most 200 characters')
    .default('')
    .describe('The APK MD5 (`content_md5`); may be empty.'),
  packageUrl: secretField(
    z
      .string()
      .max(2000, 'must be at most 2000 characters')
      .refine((text) => /^https?:\/\/[^\s]+$/.test(text), 'must be an http(s) download URL (an OBS signed URL)')
      .describe(
        'The OBS (signed) download URL of the APK (`install_package_url`). Secret: the SDK stores it encrypted and it is never printed.',
      ),
  ),
  fastInstall: z.boolean().default(false).describe('Fast install mode (`fast_install` "1").'),
  timeoutSeconds: timeoutSecondsSchema.describe(
    'How long to wait for install and uninstall tasks, in seconds (default 1800).',
  ),
  resourceUrn: resourceUrnSchema,
});
export type AppInstallationArgs = z.input<typeof appInstallationInputsSchema>;
export type AppInstallationInputs = z.output<typeof appInstallationInputsSchema>;

/** A changed package is another app: replace (install the new one, uninstall the old one). */
export const APP_INSTALLATION_REPLACE_PROPERTIES = markedFields(appInstallationInputsSchema, 'replaceOnChange');

export const APP_STATUSES = ['installed', 'failed', 'missing', 'outdated'] as const;
export type AppStatus = (typeof APP_STATUSES)[number];

export const phoneAppSchema = z.object({
  instanceId: z.string().describe('The phone.'),
  status: z
    .enum(APP_STATUSES)
    .describe(
      '`installed` at `version`; `failed` (its install job failed); `missing` or `outdated` (found so by a refresh: the next `up` reinstalls).',
    ),
  version: z.string().describe('The version installed on the phone (empty when none).'),
  errorCode: z.string().describe("The install job's error code (e.g. `CPS.0191`), empty on success."),
  errorMessage: z.string().describe("The install job's error message, empty on success."),
});
export type PhoneApp = z.infer<typeof phoneAppSchema>;

export const appInstallationStateSchema = z.object({
  installations: z
    .array(phoneAppSchema)
    .describe('One entry per phone of `instanceIds`: what the last install or refresh found.'),
});
