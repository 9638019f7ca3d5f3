import * as pulumi from '@pulumi/pulumi';
import * as videoSettingProvider from '../provider/dynamic/video-setting';
import type { VideoSettingArgs as SchemaArgs } from '../provider/schemas/resources/video-setting';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type VideoSettingArgs = Inputify<SchemaArgs>;

/**
 * Bit rate and frame rate per network type, codec and definition for a set of phones. The API has no read for
 * these settings, so drift is not detectable; deleting the resource restores the documented defaults.
 */
export class VideoSetting extends pulumi.dynamic.Resource {
  declare readonly instanceIds: pulumi.Output<string[]>;

  constructor(name: string, args: VideoSettingArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(videoSettingProvider, name, { ...args }, opts, 'koophone', 'VideoSetting');
  }
}
