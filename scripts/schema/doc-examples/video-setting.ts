import * as pulumi from '@pulumi/pulumi';
import * as koophone from '../../../sdk';

const phones = ['a', 'b'].map(
  (n) =>
    new koophone.Instance(`phone-${n}`, {
      os: 'AOSP11',
      instanceSkuId: 'kp.professional.xlarge.32g.2',
      bandSize: 4,
      regionId: 'cn-north-4',
    }),
);

// Lower bit rates on mobile networks; the combinations left out keep the defaults.
export const video = new koophone.VideoSetting('video', {
  instanceIds: pulumi.all(phones.map((p) => p.instanceId)),
  profiles: [
    {
      networkType: 'MOBILE_NETWORK',
      encodingType: 'H264',
      definition540p: { codeRate: 1500, fps: 30 },
      definition720p: { codeRate: 3000, fps: 30 },
    },
    { networkType: 'WIFI', encodingType: 'H265', definition1080p: { codeRate: 6000, fps: 60 } },
  ],
});
