// The physical limit for `make bench`: create calls of at most ORDER_MAX phones back to back (one call up to 1,500
// phones; 10,000 is 7 orders, as a group orders them), then the account listed every poll interval until all run. No engine, no provider. Usage: node bench/raw-order.js <emulator url> <phones> <poll ms>
// Prints the wall time in seconds. Needs `npm run build` (dist/).
const { demoClient, demoOrder } = require('./demo-client');

/** Phones per create call: the documented limit (the group's orders are as large). */
const ORDER_MAX = 1500;

async function main([url, phones, pollMs]) {
  const client = demoClient(url);
  const start = Date.now();
  const ids = new Set();
  for (let left = Number(phones), n = 0; left > 0; left -= ORDER_MAX, n++) {
    const created = await client.createInstances(demoOrder(`raw-bench${n}`, Math.min(left, ORDER_MAX)));
    for (const i of created.instanceInfos) ids.add(i.instanceId);
  }
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
