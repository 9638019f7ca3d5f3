import { randomUUID } from 'node:crypto';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import {
  DEFAULT_VIDEO_SPECS,
  ENCODING_TYPES,
  NETWORK_TYPES,
  videoSettingInputsSchema,
  type VideoProfile,
  type VideoSettingInputs,
  type VideoSpec,
} from '../../schemas/resources/video-setting';
import { checkInputs } from '../core/check-inputs';
import { phoneQueue } from './phone-queue';
import { configureRuntime, getClient, getDirectory } from '../core/runtime';

export type VideoSettingOutputs = VideoSettingInputs;

const wireSpec = (spec: VideoSpec) => ({ code_rate: spec.codeRate, fps: spec.fps });

/** The API wants all six network × encoding combinations; the ones a program leaves out get the defaults. */
export function videoSettingRequest(instanceIds: string[], profiles: VideoProfile[]) {
  const instance_settings = NETWORK_TYPES.flatMap((network_type) =>
    ENCODING_TYPES.map((encoding_type) => {
      const p = profiles.find((x) => x.networkType === network_type && x.encodingType === encoding_type);
      return {
        network_type,
        encoding_type,
        video_spec_groups: [
          {
            definition_540P: wireSpec(p?.definition540p ?? DEFAULT_VIDEO_SPECS.definition540p),
            definition_720P: wireSpec(p?.definition720p ?? DEFAULT_VIDEO_SPECS.definition720p),
            definition_1080P: wireSpec(p?.definition1080p ?? DEFAULT_VIDEO_SPECS.definition1080p),
          },
        ],
      };
    }),
  );
  return { instance_ids: instanceIds, instance_settings };
}

/** The API takes at most this many phones per call; larger sets are applied in chunks, so a fleet has no limit. */
export const VIDEO_IDS_PER_CALL = 100;

/** Applies `profiles` to any number of phones, one call per chunk of VIDEO_IDS_PER_CALL. */
async function applySettings(instanceIds: string[], profiles: VideoProfile[]): Promise<void> {
  for (let i = 0; i < instanceIds.length; i += VIDEO_IDS_PER_CALL) {
    await getClient().setVideoConfig(videoSettingRequest(instanceIds.slice(i, i + VIDEO_IDS_PER_CALL), profiles));
  }
}

/** Restores the defaults on phones that still exist (a deleted phone needs nothing). */
async function restoreDefaults(instanceIds: string[]): Promise<void> {
  if (instanceIds.length === 0) return;
  const snapshot = await getDirectory().snapshot(0);
  const existing = instanceIds.filter((id) => snapshot.has(id));
  await applySettings(existing, []);
}

/**
 * Video settings have no read endpoint: drift cannot be detected, and refresh keeps the recorded settings.
 * Delete restores the documented defaults (540P 2000 kbit/s 30 fps, 720P 4000/30, 1080P 8000/60).
 */
export const videoSettingProvider: dynamic.ResourceProvider<VideoSettingInputs, VideoSettingOutputs> = {
  configure: configureRuntime,

  async check(_olds, news) {
    const result = checkInputs(videoSettingInputsSchema, news as unknown as Record<string, unknown>);
    return result.inputs ? { inputs: result.inputs } : { failures: result.failures };
  },

  async diff(_id, olds, news) {
    const changes =
      JSON.stringify(olds.instanceIds) !== JSON.stringify(news.instanceIds) ||
      JSON.stringify(olds.profiles) !== JSON.stringify(news.profiles);
    return { changes, replaces: [] };
  },

  async create(inputs) {
    await phoneQueue().run(inputs.instanceIds, () => applySettings(inputs.instanceIds, inputs.profiles));
    return { id: randomUUID(), outs: inputs };
  },

  async read(id, props) {
    return { id, props };
  },

  async update(_id, olds, news) {
    await phoneQueue().run([...olds.instanceIds, ...news.instanceIds], async () => {
      await applySettings(news.instanceIds, news.profiles);
      await restoreDefaults(olds.instanceIds.filter((x) => !news.instanceIds.includes(x)));
    });
    return { outs: news };
  },

  async delete(_id, props) {
    await phoneQueue().run(props.instanceIds, () => restoreDefaults(props.instanceIds));
  },
};
