// The benchmark's program for this provider: `phones` Instances, or one InstanceGroup of `groupSize` phones. Plain
// JavaScript like bench/naive-program, so both providers pay the same program start-up (a TypeScript program also
// pays ts-node's type check, about 4 s on 2 cores, whichever provider it uses).
const pulumi = require('@pulumi/pulumi');
const koophone = require('pulumi-koophone');

const config = new pulumi.Config();
const spec = {
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
  charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false },
};
const phones = config.getNumber('phones') ?? 0;
for (let i = 0; i < phones; i++) new koophone.Instance(`p${i}`, spec);
const groupSize = config.getNumber('groupSize');
if (groupSize !== undefined) new koophone.InstanceGroup('fleet', { ...spec, size: groupSize });
