// `phones` phones, one dynamic resource each, through the naive provider (installed by bench.sh as koophone-naive).
const pulumi = require('@pulumi/pulumi');
const naive = require('koophone-naive');

const config = new pulumi.Config();
const phones = config.requireNumber('phones');
const endpoint = config.require('endpoint');
for (let i = 0; i < phones; i++) {
  new pulumi.dynamic.Resource(naive, `p${i}`, { endpoint, name: `naive${i}`, runningStatus: undefined });
}
