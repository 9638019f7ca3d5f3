// The naive provider for `make bench`: a KooPhone phone as a Pulumi dynamic resource the way a team writes it in an
// afternoon. One order per phone, one status-poll loop per phone (a batch-query filtered by its id every poll
// interval), one delete per phone polled until gone. No shared listings, no batching, no reconciliation of lost
// answers. bench.sh installs it as node_modules/koophone-naive so Pulumi stores it as a require(), like ours.
const { demoClient, demoOrder } = require('./demo-client');

const POLL_MS = Number(process.env.KOOPHONE_POLL_INTERVAL_MS) || 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let client;

function api(endpoint) {
  client ??= demoClient(endpoint);
  return client;
}

async function lookUp(endpoint, id) {
  const page = await api(endpoint).listInstances({ pageNo: 1, pageSize: 1, instanceId: id });
  return page.result[0];
}

async function create(inputs) {
  const created = await api(inputs.endpoint).createInstances(demoOrder(inputs.name, 1));
  const id = created.instanceInfos[0].instanceId;
  for (;;) {
    await sleep(POLL_MS);
    const phone = await lookUp(inputs.endpoint, id);
    if (phone && phone.running_status === 2) return { id, outs: { ...inputs, runningStatus: 2 } };
  }
}

async function read(id, props) {
  const phone = await lookUp(props.endpoint, id);
  return phone ? { id, props: { ...props, runningStatus: phone.running_status } } : {};
}

async function deletePhone(id, props) {
  await api(props.endpoint).deleteInstances([id]);
  while (await lookUp(props.endpoint, id)) await sleep(POLL_MS);
}

module.exports = { create, read, delete: deletePhone, diff: async () => ({ changes: false }) };
