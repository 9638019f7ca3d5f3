import * as pulumi from '@pulumi/pulumi';
import * as koophone from '../../../sdk';

const config = new pulumi.Config();
const fleet = new koophone.InstanceGroup('fleet', {
  size: 10,
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});

// Bump `rebootRound` to reboot the whole fleet on the next `pulumi up`.
export const reboot = new koophone.PhoneReboot('weekly-reboot', {
  instanceIds: fleet.instanceIds,
  triggers: [config.get('rebootRound') ?? '1'],
});
