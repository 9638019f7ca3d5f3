import { z } from 'zod';
import { invalidParameter } from './error-codes';

/**
 * Request body shapes, in the API's own spelling (snake_case except create/delete, docs/api/endpoints.md#spelling). Objects are strict:
 * unknown fields are KOOPHONE.API.1000, except undocumented keys the docs' own examples send (docs/api/ambiguities.md#a13).
 */

/** Instance ids: at most 32 characters (docs/api/endpoints.md#id-lists "ids≤100×32"). */
export const instanceIdSchema = z.string().min(1).max(32);
/** 1–100 instance ids. */
export const instanceIdListSchema = z.array(instanceIdSchema).min(1).max(100);
export const userIdSchema = z.string().min(1).max(32);

/** docs/api/ambiguities.md#a9: the docs' examples send some String fields as numbers; accept both, as the service's JSON binding does. */
const stringOrNumber = z.union([z.string(), z.number()]).transform(String);

export const instanceIdsBody = z.strictObject({ instance_ids: instanceIdListSchema });

/** sync-command / async-command. docs/api/ambiguities.md#a8: the documented charset excludes spaces but every example uses them;
 * the emulator enforces length and printable ASCII (no control characters) only. */
export const commandBody = z.strictObject({
  command: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[\x20-\x7e]+$/, 'command must be printable ASCII'),
  instance_ids: instanceIdListSchema,
});

const userInstance = z.strictObject({ user_id: userIdSchema, instance_id: instanceIdSchema });
export const assignBody = z.strictObject({ user_instances: z.array(userInstance).min(1).max(100) });
/** docs/api/ambiguities.md#a9: the reference's unassign example sends user_id as a bare number. */
export const unassignBody = z.strictObject({
  user_instances: z
    .array(z.strictObject({ user_id: stringOrNumber.pipe(userIdSchema), instance_id: instanceIdSchema }))
    .min(1)
    .max(100),
});

const videoSpec = z.strictObject({
  code_rate: z
    .number()
    .int()
    .min(100)
    .max(10000)
    .refine((n) => n % 100 === 0, 'code_rate must be a multiple of 100'),
  fps: z
    .number()
    .int()
    .refine((n) => n === 30 || n === 60, 'fps must be 30 or 60'),
});
export const NETWORK_TYPES = ['MOBILE_NETWORK', 'WIFI', 'WIRED'] as const;
export const ENCODING_TYPES = ['H264', 'H265'] as const;
export const videoSettingBody = z.strictObject({
  instance_ids: instanceIdListSchema,
  instance_settings: z
    .array(
      z.strictObject({
        network_type: z.enum(NETWORK_TYPES),
        encoding_type: z.enum(ENCODING_TYPES),
        video_spec_groups: z
          .array(
            z.strictObject({ definition_540P: videoSpec, definition_720P: videoSpec, definition_1080P: videoSpec }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type VideoSettingBody = z.infer<typeof videoSettingBody>;

export const createBody = z.strictObject({
  // The SDK offers AOSP11/AOSP14 (AOSP9 dropped in 3.1.198); whether an image is sold is the catalogue's pools' call.
  os: z.enum(['AOSP9', 'AOSP11', 'AOSP14']),
  instanceSkuId: z.string().min(1).max(64),
  bandSkuId: z.string().min(1).max(64),
  regionId: z.string().min(1).max(64),
  // ≤ 14 characters (docs/api/endpoints.md#create); the emulator also restricts the charset so names stay URL- and filter-safe.
  instanceNamePrefix: z
    .string()
    .min(1)
    .max(14)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'instanceNamePrefix may contain letters, digits, - and _'),
  bandSize: z.number().positive(),
  // SDK: "maximum: 2000" (docs: 1500); the newer SDK wins (docs/api/wire-fidelity.md).
  count: z.number().int().min(1).max(2000),
  chargeParam: z.strictObject({
    chargingMode: z.literal(1),
    periodType: z.union([z.literal(2), z.literal(3)]),
    periodNum: z.number().int(),
    isAutoPay: z.union([z.literal(0), z.literal(1)]).optional(),
    isAutoRenew: z.union([z.literal(0), z.literal(1)]).optional(),
  }),
  network: z.enum(['EIP', 'ADN']).optional(),
  // Example-only keys (docs/api/ambiguities.md#a13): accepted and ignored.
  instanceType: z.string().max(64).optional(),
  sceneType: z.string().max(64).optional(),
  // Keys of older SDK builds the emulator does not implement: accepted by shape so create can answer 501 loudly.
  customImageType: z.number().int().optional(),
  customImageId: z.number().int().optional(),
  specPoolId: z.string().optional(),
  /** SDK 3.1.198+: the node group to buy into ("required for node-group orders"); recorded on each phone. */
  nodeGroupId: z.string().min(1).max(64).optional(),
});
export type CreateBody = z.infer<typeof createBody>;

export const deleteBody = z.strictObject({ instanceIdList: instanceIdListSchema });

export const prepareBody = z.strictObject({ user_id: userIdSchema, instance_ids: instanceIdListSchema });
export const prepareProgressBody = z.strictObject({ user_id: userIdSchema, instance_id: instanceIdSchema });

/** docs/api/ambiguities.md#a9: the reference's example sends fast_install and object_size as numbers. */
export const appInstallBody = z.strictObject({
  fast_install: stringOrNumber.optional(),
  object_name: z.string().min(1).max(100),
  file_name: z.string().min(1).max(100),
  object_version: z.string().min(1).max(100),
  object_size: stringOrNumber,
  biz_type: z.string().min(1).max(64),
  content_type: z.string().min(1).max(64),
  // "required" yet "may be empty" (docs/api/ambiguities.md#a16): present, possibly "".
  content_md5: z.string().max(200),
  install_package_url: z.string().min(1).max(2000),
  instance_id_list: instanceIdListSchema,
});

/** session/release and streaming/stop (SDK 3.1.x, not in the docs): one instance id. */
export const singleInstanceBody = z.strictObject({ instance_id: instanceIdSchema });

/** Parses a body with a schema; the first issue becomes KOOPHONE.API.1000 naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.length ? issue.path.map(String).join('.') : 'body';
  throw invalidParameter(`${path}: ${issue.message}`);
}

/** Drops repeated ids, keeping first-seen order (the reference's prepare example repeats an id). */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
