// The physical limit for `make bench`: one create call of N phones, then the account listed every poll interval
// until all of them run. No engine, no provider. Usage: node bench/raw-order.js <emulator url> <phones> <poll ms>
// Prints the wall time in seconds. Needs `npm run build` (dist/).
const { KooPhoneClient } = require('../dist/provider/client');

async function main([url, phones, pollMs]) {
  const client = new KooPhoneClient({
    endpoint: url,
    auth: {
      kind: 'password',
      domainName: 'demo',
      userName: 'demo',
      password: 'demo-password',
      projectName: 'cn-north-4',
    },
  });
  const start = Date.now();
  const created = await client.createInstances({
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSkuId: 'kp.bandwidth',
    regionId: 'cn-north-4',
    instanceNamePrefix: 'raw-bench',
    bandSize: 4,
    count: Number(phones),
    chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1, isAutoRenew: 0 },
  });
  const ids = new Set(created.instanceInfos.map((i) => i.instanceId));
  for (;;) {
    const running = (await client.listAllInstances()).filter(
      (r) => ids.has(r.instance_id) && r.running_status === 2,
    ).length;
    if (running === ids.size) break;
    await new Promise((resolve) => setTimeout(resolve, Number(pollMs)));
  }
  console.log(((Date.now() - start) / 1000).toFixed(1));
  await client.deleteInstances([...ids].slice(0, 100)); // leave the emulator as found (≤ 100 ids per call)
  for (let i = 100; i < ids.size; i += 100) await client.deleteInstances([...ids].slice(i, i + 100));
  await client.close();
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
