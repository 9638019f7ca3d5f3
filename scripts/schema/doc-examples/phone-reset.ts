import * as pulumi from '@pulumi/pulumi';
import * as koophone from '../../../sdk';

const phone = new koophone.Instance('kiosk', {
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});

// WIPES the phone: preview refuses the resource unless confirmDataLoss is true.
export const reset = new koophone.PhoneReset('kiosk-reset', {
  instanceIds: pulumi.all([phone.instanceId]),
  triggers: ['2025-q3'],
  confirmDataLoss: true,
});
