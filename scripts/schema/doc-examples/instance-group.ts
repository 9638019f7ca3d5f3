import * as koophone from '../../../sdk';

// 300 identical phones, bought in one order. `protect` keeps a typo from unsubscribing the fleet.
export const fleet = new koophone.InstanceGroup(
  'testers',
  {
    size: 300,
    namePrefix: 'qa',
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
    charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: true },
  },
  { protect: true },
);

// Assignments by slot: slot i keeps its phone for the life of the group, so these never move to another phone.
const testers = ['1008600000104285462', '1008600000104285463', '1008600000104285464'];
testers.forEach(
  (userId, slot) =>
    new koophone.UserAssignment(`tester-${slot}`, { instanceId: fleet.instanceIds.apply((ids) => ids[slot]), userId }),
);

export const phoneIds = fleet.instanceIds;
