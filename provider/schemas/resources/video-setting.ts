import { z } from 'zod';
import { phoneSetSchema } from './phone-set';

export const NETWORK_TYPES = ['MOBILE_NETWORK', 'WIFI', 'WIRED'] as const;
export const ENCODING_TYPES = ['H264', 'H265'] as const;
export const DEFINITIONS = ['definition540p', 'definition720p', 'definition1080p'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];
export type EncodingType = (typeof ENCODING_TYPES)[number];
export type Definition = (typeof DEFINITIONS)[number];

/** One definition's stream: code_rate 100–10000 kbit/s in steps of 100, fps 30 or 60 (docs/api/endpoints.md#video-setting). */
export const videoSpecSchema = z.strictObject({
  codeRate: z
    .number()
    .int('must be a whole number')
    .min(100, 'must be at least 100 kbit/s')
    .max(10000, 'must be at most 10000 kbit/s')
    .multipleOf(100, 'must be a multiple of 100 kbit/s')
    .describe('Bit rate in kbit/s: 100–10000, a multiple of 100.'),
  fps: z
    .union([z.literal(30), z.literal(60)], { error: 'must be 30 or 60 frames per second' })
    .describe('Frame rate: 30 or 60.'),
});
export type VideoSpec = z.infer<typeof videoSpecSchema>;

/**
 * Defaults for every definition, used for combinations a program leaves out (the API requires all six
 * network × encoding combinations) and restored on delete. They are the reference's own example values.
 */
export const DEFAULT_VIDEO_SPECS: Record<Definition, VideoSpec> = {
  definition540p: { codeRate: 2000, fps: 30 },
  definition720p: { codeRate: 4000, fps: 30 },
  definition1080p: { codeRate: 8000, fps: 60 },
};

export const videoProfileSchema = z.strictObject({
  networkType: z
    .enum(NETWORK_TYPES)
    .describe('Network the end user streams over: `MOBILE_NETWORK`, `WIFI` or `WIRED`.'),
  encodingType: z.enum(ENCODING_TYPES).describe('Codec: `H264` or `H265`.'),
  definition540p: videoSpecSchema.optional().describe('540P stream; defaults to 2000 kbit/s at 30 fps.'),
  definition720p: videoSpecSchema.optional().describe('720P stream; defaults to 4000 kbit/s at 30 fps.'),
  definition1080p: videoSpecSchema.optional().describe('1080P stream; defaults to 8000 kbit/s at 60 fps.'),
});
export type VideoProfile = z.infer<typeof videoProfileSchema>;

export const videoSettingInputsSchema = z.strictObject({
  instanceIds: phoneSetSchema.describe('Phones the settings apply to (one or more; sent 100 per API call).'),
  profiles: z
    .array(videoProfileSchema)
    .max(6, 'must have at most 6 profiles (3 network types × 2 encodings)')
    .default([])
    .superRefine((profiles, ctx) => {
      const seen = new Set<string>();
      profiles.forEach((p, i) => {
        const key = `${p.networkType}/${p.encodingType}`;
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `repeats ${key}; give each network type and encoding once`,
          });
        seen.add(key);
      });
    })
    .describe(
      'Encoding and definition settings per network type and codec. Combinations left out get the documented defaults.',
    ),
});
export type VideoSettingArgs = z.input<typeof videoSettingInputsSchema>;
export type VideoSettingInputs = z.output<typeof videoSettingInputsSchema>;
