import { z } from 'zod';
import { instanceIdListSchema } from './common';

/** PUT /v1/instances/video-setting (docs/api/endpoints.md#video-setting). Note the capital `P` in `definition_540P`. */

export const networkTypes = ['MOBILE_NETWORK', 'WIFI', 'WIRED'] as const;
export const encodingTypes = ['H264', 'H265'] as const;

/** kbit/s 100–10000 in steps of 100 and 30 or 60 fps (2025 editions; 2024 allowed code_rate 0, docs/api/ambiguities.md#a6). */
export const videoSpecSchema = z.object({
  code_rate: z.number().int().min(100).max(10000).multipleOf(100),
  fps: z.union([z.literal(30), z.literal(60)]),
});
export type VideoSpec = z.infer<typeof videoSpecSchema>;

export const videoSpecGroupSchema = z.object({
  definition_540P: videoSpecSchema,
  definition_720P: videoSpecSchema,
  definition_1080P: videoSpecSchema,
});
export type VideoSpecGroup = z.infer<typeof videoSpecGroupSchema>;

export const instanceSettingSchema = z.object({
  network_type: z.enum(networkTypes),
  encoding_type: z.enum(encodingTypes),
  video_spec_groups: z.array(videoSpecGroupSchema).min(1),
});
export type InstanceSetting = z.infer<typeof instanceSettingSchema>;

/**
 * The 2025 docs want all 6 network×encoding combinations; whether fewer are refused is not stated (docs/api/ambiguities.md#a6), so the
 * client does not insist — the server is the judge.
 */
export const videoSettingRequestSchema = z.object({
  instance_ids: instanceIdListSchema,
  instance_settings: z.array(instanceSettingSchema).min(1),
});
export type VideoSettingRequest = z.infer<typeof videoSettingRequestSchema>;
