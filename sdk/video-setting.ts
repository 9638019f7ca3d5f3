import * as pulumi from '@pulumi/pulumi';
import * as videoSettingProvider from '../provider/dynamic/video-setting';
import { assertCredentialsAreSecret } from './credential-config';
import { VideoSettingProperties, videoSettingOutputNames, type VideoSettingArgs } from './generated/types';
import { registeredProps } from './resource-props';

export type { VideoSettingArgs };

/**
 * Bit rate and frame rate per network type, codec and definition for a set of phones. The API has no read for
 * these settings, so drift is not detectable; deleting the resource restores the documented defaults.
 */
export class VideoSetting extends VideoSettingProperties {
  constructor(name: string, args: VideoSettingArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(videoSettingProvider, name, registeredProps(videoSettingOutputNames, args), opts, 'koophone', 'VideoSetting');
  }
}
