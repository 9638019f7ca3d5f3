import * as koophone from '../../../sdk';

const phone = new koophone.Instance('alice-phone', {
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});

// Changing `userId` later unassigns Alice first, which wipes her data on the phone.
export const alice = new koophone.UserAssignment('alice', {
  instanceId: phone.instanceId,
  userId: '1008600000104285462',
});
