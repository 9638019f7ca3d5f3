// The benchmark's program for this provider: `phones` Instances, or one InstanceGroup of `groupSize` phones. Plain
// JavaScript like bench/naive-program, so both providers pay the same program start-up (a TypeScript program also
// pays ts-node's type check, about 4 s on 2 cores, whichever provider it uses).
const pulumi = require('@pulumi/pulumi');
const config = new pulumi.Config();
// `flavour: native`: the same classes on the native plugin (docs/native-provider.md), which bench.sh points at dist/.
const koophone = require(config.get('flavour') === 'native' ? 'pulumi-koophone/native' : 'pulumi-koophone');

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
