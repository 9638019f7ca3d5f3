// The emulator's demo tenant as a KooPhone client, built once for the bench's hand-written callers: the naive provider
// (bench.sh copies this file beside it into koophone-naive) and raw-order.js. `pulumi-koophone` resolves to the
// installed package in a bench project and to this repository (its own name) from bench/.
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

module.exports = { demoClient };
