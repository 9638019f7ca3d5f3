/**
 * Cost of one mutation against the number of phones stored, with the on-disk store. For each fleet size it seeds
 * the phones, then sends assign / unassign of one phone in turn, sequentially, and prints the time per request and
 * the bytes the emulator wrote per request. Bytes are the process's write() bytes (/proc/self/io wchar) with a data
 * dir minus the same run in memory, so request and answer traffic cancel out and only persistence remains.
 *
 *   npm run build && node dist/emulator/bench/store-scaling.js [--mutations 400] [--phones 100,10000]
 *   # or without a build: npx ts-node --transpile-only emulator/bench/store-scaling.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorHarness } from '../testing/emulator-harness';
import { EmulatorModel } from '../model/emulator-model';
import type { EmulatorState, StateChange } from '../model/state';
import { JsonFileStore } from '../store/json-file-store';

interface Run {
  msPerRequest: number;
  wchar: number;
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
    ['phones stored', 'ms/request (disk)', 'ms/request (memory)', 'bytes written/request', 'state document bytes'],
  ];
  for (const n of phones) {
    const dir = mkdtempSync(join(tmpdir(), 'kp-store-bench-'));
    try {
      const memory = await run(n, mutations, null);
      const disk = await run(n, mutations, dir);
      rows.push([
        String(n),
        disk.msPerRequest.toFixed(2),
        memory.msPerRequest.toFixed(2),
        ((disk.wchar - memory.wchar) / mutations).toFixed(0),
        String(stateDocumentBytes(dir)),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) process.stdout.write(`${r.map((cell, c) => cell.padStart(widths[c])).join('  ')}\n`);
  process.stdout.write(
    `${mutations} sequential assign/unassign requests per row; the pre-journal store rewrote the whole state ` +
      `document (last column) on every one of them.\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
