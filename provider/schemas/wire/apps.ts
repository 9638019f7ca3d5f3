import { z } from 'zod';
import { asyncTaskSchema, envelope, instanceIdListSchema } from './common';

/** POST /v1/instances/app/install (docs/api/endpoints.md#app-install). */

/**
 * Typed String in the table although the example sends numbers for `fast_install` / `object_size` (docs/api/ambiguities.md#a9): the client
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
  /** "required" yet "may be empty" (docs/api/ambiguities.md#a16). */
  content_md5: z.string().max(200),
  install_package_url: z.string().min(1).max(2000),
  instance_id_list: instanceIdListSchema,
});
export type AppInstallRequest = z.infer<typeof appInstallRequestSchema>;

/**
 * The task sits in `data` since SDK 3.1.207 and in `data.data` per the docs (docs/api/endpoints.md#app-install): accept both, normalised to the
 * task. Refusing either would report a started install as failed (docs/api/wire-fidelity.md).
 */
export const appInstallResponseSchema = envelope(
  z.union([asyncTaskSchema, z.object({ data: asyncTaskSchema })]).transform((d) => ('data' in d ? d.data : d)),
);
export type AppInstallResponse = z.output<typeof appInstallResponseSchema>;

// ---- GET /v1/instances/{instance_id}/app-list (SDK ListInstanceApp, not in the docs) ----

/** app_type 1 = system apps, 2 = third-party; absent = all. page_size ≤ 200 (SDK). */
export const appListQuerySchema = z.object({
  page_no: z.number().int().min(1),
  page_size: z.number().int().min(1).max(200),
  app_type: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type AppListQuery = z.infer<typeof appListQuerySchema>;

export const installedAppSchema = z.object({
  app_name: z.string().nullish(),
  app_version: z.string().nullish(),
  app_pkg: z.string(),
  icon_url: z.string().nullish(),
});
export type InstalledApp = z.infer<typeof installedAppSchema>;

export const appListResponseSchema = envelope(
  z.object({
    result: z.array(installedAppSchema).default([]),
    page_no: z.number().int().nullish(),
    page_size: z.number().int().nullish(),
    total_count: z.number().int().min(0),
  }),
);
