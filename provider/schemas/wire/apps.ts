import { z } from 'zod';
import { asyncTaskSchema, envelope, instanceIdListSchema } from './common';

/** POST /v1/instances/app/install (koophone-api.md §3.18). */

/**
 * Typed String in the table although the example sends numbers for `fast_install` / `object_size` (§7.9): the client
 * always sends strings. `fast_install` outside "0"/"1" is KOOPHONE.API.3008.
 */
export const appInstallRequestSchema = z.object({
  fast_install: z.enum(['0', '1']).optional(),
  object_name: z.string().min(1).max(100),
  file_name: z.string().min(1).max(100),
  object_version: z.string().min(1).max(100),
  /** Size in MB, as a string. */
  object_size: z.string().min(1),
  /** Only `apk`. */
  biz_type: z.string().min(1).max(64),
  content_type: z.string().min(1).max(64),
  /** "required" yet "may be empty" (§7.16). */
  content_md5: z.string().max(200),
  install_package_url: z.string().min(1).max(2000),
  instance_id_list: instanceIdListSchema,
});
export type AppInstallRequest = z.infer<typeof appInstallRequestSchema>;

/** Double-nested: `data.data.{task_id, cmd_jobs}`. */
export const appInstallResponseSchema = envelope(z.object({ data: asyncTaskSchema }));
export type AppInstallResponse = z.infer<typeof appInstallResponseSchema>;
