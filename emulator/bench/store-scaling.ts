/**
 * Cost of requests against the number of phones stored. For each fleet size it seeds the phones, then:
 * - sends assign / unassign of one phone in turn, sequentially, and prints the time per request and the bytes the
 *   emulator wrote per request. Bytes are the process's write() bytes (/proc/self/io wchar) with a data dir minus the
 *   same run in memory, so request and answer traffic cancel out and only persistence remains;
 * - (in memory) places orders of 100 phones, each followed by one listing page (the first request after an order
 *   also runs the lifecycle pass the order makes due), and lists a group's 100 phones by name prefix, and pages
 *   through 10 unfiltered pages of 100, in CPU time per request: listing and ordering should cost what they return,
 *   not what is stored.
 *
 *   npm run build && node dist/emulator/bench/store-scaling.js [--mutations 400] [--phones 100,10000]
 *   # or without a build: npx ts-node --transpile-only emulator/bench/store-scaling.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREATE_BODY, EmulatorHarness } from '../testing/emulator-harness';
import { EmulatorModel } from '../model/emulator-model';
import type { EmulatorState, StateChange } from '../model/state';
import { JsonFileStore } from '../store/json-file-store';

interface Run {
  msPerRequest: number;
  wchar: number;
}

interface ListingRun {
  /** CPU ms (emulator and client) of one create of ORDER_SIZE phones plus the listing page after it. */
  msPerOrder: number;
  /** One batch-query page filtered by an order's name prefix (ORDER_SIZE phones). */
  msPerNamedPage: number;
  /** One unfiltered batch-query page of 100 (the tenant holds every stored phone). */
  msPerPage: number;
}

const ORDER_SIZE = 100;
/** Orders, named pages and pages measured per fleet size. */
const LISTING_ROUNDS = 40;

/** CPU time (user + system) of this process, emulator and client together, in ms: steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function listingRun(phones: number, rounds: number): Promise<ListingRun> {
  const emu = await EmulatorHarness.start({ dataDir: null });
  try {
    await emu.seedInstances(Array.from({ length: phones }, (_, i) => ({ instanceName: `s-${i + 1}` })));
    await emu.token();
    const list = async (query: string) => {
      const res = await emu.api('GET', `/v1/instances/batch-query?page_size=100&${query}`);
      if ((res.json as { error_code?: string }).error_code !== '0') throw new Error(`batch-query: ${res.text}`);
      return res.json as { data: { result: unknown[] } };
    };
    const order = async (prefix: string) => {
      const res = await emu.api('POST', '/v1/instances/create', {
        body: { ...DEMO_CREATE_BODY, instanceNamePrefix: prefix, count: ORDER_SIZE },
        requestId: false,
      });
      if ((res.json as { error_code?: string }).error_code !== '0') throw new Error(`create: ${res.text}`);
      await list('page_no=1');
    };
    await list('page_no=1'); // warm-up: subscriptions of the seeded phones on first sight
    let started = cpuMs();
    for (let i = 0; i < rounds; i++) await order(`grp${i}`);
    const msPerOrder = (cpuMs() - started) / rounds;
    started = cpuMs();
    for (let i = 0; i < rounds; i++) {
      const { data } = await list(`page_no=1&instance_name=grp${i}-`);
      if (data.result.length !== ORDER_SIZE) throw new Error(`grp${i}: ${data.result.length} phones listed`);
    }
    const msPerNamedPage = (cpuMs() - started) / rounds;
    started = cpuMs();
    for (let i = 0; i < rounds; i++) await list(`page_no=${(i % 10) + 1}`);
    return { msPerOrder, msPerNamedPage, msPerPage: (cpuMs() - started) / rounds };
  } finally {
    await emu.close();
  }
}

function wcharNow(): number {
  const line = readFileSync('/proc/self/io', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('wchar:'));
  return Number(line?.split(/\s+/)[1] ?? NaN);
}

async function run(phones: number, mutations: number, dataDir: string | null): Promise<Run> {
  const emu = await EmulatorHarness.start({ dataDir });
  try {
    const [id] = await emu.seedInstances(Array.from({ length: phones }, (_, i) => ({ instanceName: `s-${i + 1}` })));
    const user = '1008600000104285462';
    await emu.token();
    const mutate = async (i: number): Promise<void> => {
      const path = i % 2 === 0 ? '/v1/instances/assign' : '/v1/instances/unassign';
      const res = await emu.api('POST', path, { body: { user_instances: [{ instance_id: id, user_id: user }] } });
      if ((res.json as { error_code?: string }).error_code !== '0') throw new Error(`${path}: ${res.text}`);
    };
    // Warm-up: the first request's tick gives every seeded phone its subscription record (a one-off write of all).
    for (let i = 0; i < 10; i++) await mutate(i);
    const wchar = wcharNow();
    const started = process.hrtime.bigint();
    for (let i = 0; i < mutations; i++) await mutate(i);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { msPerRequest: ms / mutations, wchar: wcharNow() - wchar };
  } finally {
    await emu.close();
  }
}

/** What the pre-journal store wrote on every mutation: the whole state as one document. */
function stateDocumentBytes(dataDir: string): number {
  const model = new EmulatorModel(new JsonFileStore<EmulatorState, StateChange>(dataDir));
  return Buffer.byteLength(JSON.stringify(model.snapshot()));
}

function parseArgs(argv: readonly string[]): { mutations: number; phones: number[] } {
  const opts = { mutations: 400, phones: [100, 10_000] };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--mutations') opts.mutations = Number(argv[i + 1]);
    else if (argv[i] === '--phones') opts.phones = argv[i + 1].split(',').map(Number);
    else throw new Error(`bad argument ${argv[i]}`);
  }
  return opts;
}

async function main(): Promise<void> {
  const { mutations, phones } = parseArgs(process.argv.slice(2));
  const rows: string[][] = [
    [
      'phones stored',
      'ms/request (disk)',
      'ms/request (memory)',
      'bytes written/request',
      'state document bytes',
      `CPU ms/order of ${ORDER_SIZE}`,
      'CPU ms/named page',
      'CPU ms/page',
    ],
  ];
  for (const n of phones) {
    const dir = mkdtempSync(join(tmpdir(), 'kp-store-bench-'));
    try {
      const memory = await run(n, mutations, null);
      const disk = await run(n, mutations, dir);
      const listing = await listingRun(n, LISTING_ROUNDS);
      rows.push([
        String(n),
        disk.msPerRequest.toFixed(2),
        memory.msPerRequest.toFixed(2),
        ((disk.wchar - memory.wchar) / mutations).toFixed(0),
        String(stateDocumentBytes(dir)),
        listing.msPerOrder.toFixed(2),
        listing.msPerNamedPage.toFixed(2),
        listing.msPerPage.toFixed(2),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padStart(widths[c])).join('  ')}\n`);
  process.stdout.write(
    `${mutations} sequential assign/unassign requests per row; the pre-journal store rewrote the whole state ` +
      `document on every one of them. Orders: creates of ${ORDER_SIZE} phones, each with the listing page after it; ` +
      `named page: the ${ORDER_SIZE} phones of one order by instance_name; page: unfiltered, 100 per page.\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
