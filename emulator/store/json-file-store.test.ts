import { spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { JOURNAL_FILE_NAME, JsonFileStore, STATE_FILE_NAME } from './json-file-store';
import { MemoryStore } from './memory-store';

interface Payload {
  seq: number;
  items: string[];
  checksum: string;
}

function checksum(seq: number, items: string[]): string {
  return createHash('sha256').update(JSON.stringify({ seq, items })).digest('hex');
}

/** Transpiles the store modules to plain CommonJS so a child process can run the real code. */
function transpileStoreTo(dir: string): void {
  for (const name of ['atomic-write', 'compaction', 'journal', 'json-file-store']) {
    const source = readFileSync(join(__dirname, `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(dir, `${name}.js`), js.outputText);
  }
  // Writes ~1 MB states in a tight loop, each one self-checking, until it is killed.
  writeFileSync(
    join(dir, 'writer.js'),
    `const { createHash } = require('node:crypto');
     const { JsonFileStore } = require('./json-file-store.js');
     const store = new JsonFileStore(process.argv[2]);
     let seq = store.load().state.seq;
     process.stdout.write('ready\\n');
     for (;;) {
       seq++;
       const items = Array.from({ length: 1000 }, (_, i) => String(seq * 1000 + i).padEnd(400, 'x'));
       const checksum = createHash('sha256').update(JSON.stringify({ seq, items })).digest('hex');
       store.save({ seq, items, checksum });
     }`,
  );
  // Appends batches that each set every key to the same ~5 KB value, compacting now and then, until it is killed.
  writeFileSync(
    join(dir, 'appender.js'),
    `const { JsonFileStore } = require('./json-file-store.js');
     const store = new JsonFileStore(process.argv[2]);
     const { state, changes } = store.load();
     for (const c of changes) state.items[c.key] = c.value;
     let seq = Number(Object.values(state.items)[0].split(':')[0]); // the journal may be ahead of state.seq
     process.stdout.write('ready\\n');
     for (;;) {
       seq++;
       const batch = Object.keys(state.items).map((key) => ({ key, value: seq + ':' + 'y'.repeat(5000) }));
       for (const c of batch) state.items[c.key] = c.value;
       state.seq = seq;
       store.append(batch, () => state);
     }`,
  );
}

interface Batched {
  seq: number;
  items: Record<string, string>;
}
interface ItemChange {
  key: string;
  value: string;
}

/** Loads a Batched state with its journal replayed. */
function loadBatched(dir: string): Batched {
  const saved = new JsonFileStore<Batched, ItemChange>(dir).load()!;
  for (const c of saved.changes) saved.state.items[c.key] = c.value;
  return saved.state;
}

const files = (dir: string) => readdirSync(dir).sort();
const BOTH = [JOURNAL_FILE_NAME, STATE_FILE_NAME].sort();

function runAndKill(script: string, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => {
      // A random moment during the write loop.
      setTimeout(() => child.kill('SIGKILL'), randomInt(1, 80));
    });
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
}

describe('JsonFileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kp-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a state and reports undefined before the first save', () => {
    const store = new JsonFileStore<{ a: number[] }, number>(join(dir, 'nested', 'data'));
    expect(store.load()).toBeUndefined();
    store.save({ a: [1, 2, 3] });
    store.save({ a: [4] });
    expect(new JsonFileStore<{ a: number[] }, number>(join(dir, 'nested', 'data')).load()).toEqual({
      state: { a: [4] },
      changes: [],
    });
  });

  it('replays appended batches after a restart, in order, and a snapshot folds them away', () => {
    const store = new JsonFileStore<{ a: number[] }, number>(dir);
    store.save({ a: [] });
    store.append([1, 2], () => ({ a: [1, 2] }));
    store.append([3], () => ({ a: [1, 2, 3] }));
    const reopened = new JsonFileStore<{ a: number[] }, number>(dir);
    expect(reopened.load()).toEqual({ state: { a: [] }, changes: [1, 2, 3] });
    reopened.save({ a: [1, 2, 3] });
    reopened.append([4], () => ({ a: [1, 2, 3, 4] }));
    expect(new JsonFileStore<{ a: number[] }, number>(dir).load()).toEqual({ state: { a: [1, 2, 3] }, changes: [4] });
  });

  it('ignores and cuts off a torn last journal line; the next append starts a line of its own', () => {
    const store = new JsonFileStore<{ a: number[] }, number>(dir);
    store.save({ a: [] });
    store.append([1], () => ({ a: [1] }));
    const journal = join(dir, JOURNAL_FILE_NAME);
    const intact = statSync(journal).size;
    appendFileSync(journal, readFileSync(journal).subarray(0, 20)); // a line cut short by kill -9
    const reopened = new JsonFileStore<{ a: number[] }, number>(dir);
    expect(reopened.load()).toEqual({ state: { a: [] }, changes: [1] });
    expect(statSync(journal).size).toBe(intact);
    reopened.append([2], () => ({ a: [1, 2] }));
    expect(new JsonFileStore<{ a: number[] }, number>(dir).load()!.changes).toEqual([1, 2]);
  });

  it('refuses a journal whose broken line has intact lines after it (corruption, not a torn write)', () => {
    const store = new JsonFileStore<{ a: number[] }, number>(dir);
    store.save({ a: [] });
    store.append([1], () => ({ a: [1] }));
    store.append([2], () => ({ a: [1, 2] }));
    const journal = join(dir, JOURNAL_FILE_NAME);
    writeFileSync(journal, readFileSync(journal).toString('utf8').replace('[1]', '[7]'));
    expect(() => new JsonFileStore(dir).load()).toThrow('is corrupt at byte 0');
  });

  it('skips journal lines of an older snapshot (a crash between writing a snapshot and emptying the journal)', () => {
    const store = new JsonFileStore<{ a: number[] }, number>(dir);
    store.save({ a: [] });
    store.append([1], () => ({ a: [1] }));
    const oldJournal = readFileSync(join(dir, JOURNAL_FILE_NAME));
    store.save({ a: [1] });
    writeFileSync(join(dir, JOURNAL_FILE_NAME), oldJournal);
    expect(new JsonFileStore<{ a: number[] }, number>(dir).load()).toEqual({ state: { a: [1] }, changes: [] });
  });

  it('reads a pre-journal state file and converts it on the first append', () => {
    writeFileSync(join(dir, STATE_FILE_NAME), JSON.stringify({ a: [9] }));
    const store = new JsonFileStore<{ a: number[] }, number>(dir);
    expect(store.load()).toEqual({ state: { a: [9] }, changes: [] });
    store.append([10], () => ({ a: [9, 10] }));
    expect(new JsonFileStore<{ a: number[] }, number>(dir).load()).toEqual({ state: { a: [9, 10] }, changes: [] });
  });

  it('writes the same bytes per append whatever the size of the state, and compacts after a snapshot-worth', () => {
    const perAppend = (items: number): number => {
      const sub = mkdtempSync(join(dir, 'n-'));
      const store = new JsonFileStore<{ a: string[] }, string>(sub);
      const state = { a: Array.from({ length: items }, (_, i) => `item-${i}`.padEnd(1000, 'z')) };
      store.save(state);
      const before = store.stats.bytesWritten;
      for (let i = 0; i < 50; i++) store.append(['change'.padEnd(1000, 'c')], () => state);
      expect(store.stats.snapshots).toBe(1);
      return (store.stats.bytesWritten - before) / 50;
    };
    expect(perAppend(10_000)).toBe(perAppend(100));
    // 10 MB of state: after ~10 MB of journal the store rewrites the snapshot once, not every time.
    const store = new JsonFileStore<{ a: string }, string>(join(dir, 'big'));
    const big = { a: 'b'.repeat(10_000_000) };
    store.save(big);
    for (let i = 0; i < 120; i++) store.append(['c'.repeat(100_000)], () => big);
    expect(store.stats.snapshots).toBe(2);
  });

  it('removes temp files a crash left behind and refuses a corrupt state file instead of wiping it', () => {
    const store = new JsonFileStore<{ a: number }, number>(dir);
    store.save({ a: 1 });
    writeFileSync(join(dir, `.${STATE_FILE_NAME}.tmp-999-0`), '{"a":');
    writeFileSync(join(dir, `.${JOURNAL_FILE_NAME}.tmp-999-1`), '');
    expect(store.load()).toEqual({ state: { a: 1 }, changes: [] });
    expect(files(dir)).toEqual(BOTH);
    writeFileSync(join(dir, STATE_FILE_NAME), '{"a":');
    expect(() => store.load()).toThrow('not valid JSON');
  });

  it('leaves the previous or the new state, never a broken one, when killed with SIGKILL during writes', async () => {
    const code = mkdtempSync(join(tmpdir(), 'kp-writer-'));
    try {
      transpileStoreTo(code);
      const store = new JsonFileStore<Payload, never>(dir);
      store.save({ seq: 0, items: [], checksum: checksum(0, []) });
      let previous = 0;
      let advanced = 0;
      for (let round = 0; round < 30; round++) {
        await runAndKill(join(code, 'writer.js'), dir);
        const state = new JsonFileStore<Payload, never>(dir).load()?.state;
        expect(state).toBeDefined();
        expect(state!.checksum).toBe(checksum(state!.seq, state!.items));
        expect(state!.seq).toBeGreaterThanOrEqual(previous);
        if (state!.seq > previous) advanced++;
        previous = state!.seq;
        expect(files(dir)).toEqual(BOTH);
      }
      // The writer made progress in most rounds, so the kills did land during the write loop.
      expect(advanced).toBeGreaterThan(10);
    } finally {
      rmSync(code, { recursive: true, force: true });
    }
  }, 120_000);

  it('replays whole batches only, never part of one, when killed with SIGKILL during appends and compactions', async () => {
    const code = mkdtempSync(join(tmpdir(), 'kp-appender-'));
    try {
      transpileStoreTo(code);
      const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
      new JsonFileStore<Batched, ItemChange>(dir).save({
        seq: 0,
        items: Object.fromEntries(keys.map((k) => [k, '0:'])),
      });
      let previous = 0;
      let advanced = 0;
      for (let round = 0; round < 30; round++) {
        await runAndKill(join(code, 'appender.js'), dir);
        const state = loadBatched(dir);
        // Every key carries the same batch's value: a batch was replayed whole or not at all.
        const seqs = new Set(Object.values(state.items).map((v) => Number(v.split(':')[0])));
        expect(seqs.size).toBe(1);
        const seq = [...seqs][0];
        expect(seq).toBeGreaterThanOrEqual(previous);
        if (seq > previous) advanced++;
        previous = seq;
        expect(files(dir)).toEqual(BOTH);
      }
      expect(advanced).toBeGreaterThan(10);
    } finally {
      rmSync(code, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('MemoryStore', () => {
  it('keeps a copy, not the caller object', () => {
    const store = new MemoryStore<{ a: number[] }, number[]>();
    const state = { a: [1] };
    store.save(state);
    const change = [2];
    store.append([change], () => state);
    state.a.push(2);
    change.push(3);
    expect(store.load()).toEqual({ state: { a: [1] }, changes: [[2]] });
  });
});
