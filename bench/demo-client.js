// The emulator's demo tenant as a KooPhone client, and the phones the bench orders, written once for the bench's
// hand-written callers: the naive provider (bench.sh copies this file beside it into koophone-naive) and
// raw-order.js. `pulumi-koophone` resolves to the installed package in a bench project and to this repository (its
// own name) from bench/.
const { KooPhoneClient } = require('pulumi-koophone/dist/provider/client/index');

/** A client of the emulator at `endpoint`, signed in as its demo tenant (password auth). */
function demoClient(endpoint) {
  return new KooPhoneClient({
    endpoint,
    auth: {
      kind: 'password',
      domainName: 'demo',
      userName: 'demo',
      password: 'demo-password',
      projectName: 'cn-north-4',
    },
  });
}

/** The bench's create request: `count` monthly phones of the demo SKU under `prefix`, paid at once, no auto-renew. */
function demoOrder(prefix, count) {
  return {
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSkuId: 'kp.bandwidth',
    regionId: 'cn-north-4',
    instanceNamePrefix: prefix,
    bandSize: 4,
    count,
    chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1, isAutoRenew: 0 },
  };
}

module.exports = { demoClient, demoOrder };
