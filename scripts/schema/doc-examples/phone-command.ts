import * as pulumi from '@pulumi/pulumi';
import * as koophone from '../../../sdk';

const config = new pulumi.Config();
const phones = ['a', 'b'].map(
  (n) =>
    new koophone.Instance(`phone-${n}`, {
      os: 'AOSP11',
      instanceSkuId: 'kp.professional.xlarge.32g.2',
      bandSize: 4,
      regionId: 'cn-north-4',
    }),
);

// Runs again whenever the `timezone` config value changes.
const timezone = config.get('timezone') ?? 'Asia/Shanghai';
export const setTimezone = new koophone.PhoneCommand('timezone', {
  instanceIds: pulumi.all(phones.map((p) => p.instanceId)),
  command: `setprop persist.sys.timezone ${timezone}`,
  triggers: [timezone],
});
