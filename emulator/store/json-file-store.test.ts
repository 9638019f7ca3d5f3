import { spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { JsonFileStore, STATE_FILE_NAME } from './json-file-store';
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
  for (const name of ['atomic-write', 'json-file-store']) {
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
     let seq = store.load().seq;
     process.stdout.write('ready\\n');
     for (;;) {
       seq++;
       const items = Array.from({ length: 1000 }, (_, i) => String(seq * 1000 + i).padEnd(400, 'x'));
       const checksum = createHash('sha256').update(JSON.stringify({ seq, items })).digest('hex');
       store.save({ seq, items, checksum });
     }`,
  );
}

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
    const store = new JsonFileStore<{ a: number[] }>(join(dir, 'nested', 'data'));
    expect(store.load()).toBeUndefined();
    store.save({ a: [1, 2, 3] });
    store.save({ a: [4] });
    expect(new JsonFileStore<{ a: number[] }>(join(dir, 'nested', 'data')).load()).toEqual({ a: [4] });
  });

  it('removes temp files a crash left behind and refuses a corrupt state file instead of wiping it', () => {
    const store = new JsonFileStore<{ a: number }>(dir);
    store.save({ a: 1 });
    writeFileSync(join(dir, `.${STATE_FILE_NAME}.tmp-999-0`), '{"a":');
    expect(store.load()).toEqual({ a: 1 });
    expect(readdirSync(dir)).toEqual([STATE_FILE_NAME]);
    writeFileSync(join(dir, STATE_FILE_NAME), '{"a":');
    expect(() => store.load()).toThrow('not valid JSON');
  });

  it('leaves the previous or the new state, never a broken one, when killed with SIGKILL during writes', async () => {
    const code = mkdtempSync(join(tmpdir(), 'kp-writer-'));
    try {
      transpileStoreTo(code);
      const store = new JsonFileStore<Payload>(dir);
      store.save({ seq: 0, items: [], checksum: checksum(0, []) });
      let previous = 0;
      let advanced = 0;
      for (let round = 0; round < 30; round++) {
        await runAndKill(join(code, 'writer.js'), dir);
        const state = new JsonFileStore<Payload>(dir).load();
        expect(state).toBeDefined();
        expect(state!.checksum).toBe(checksum(state!.seq, state!.items));
        expect(state!.seq).toBeGreaterThanOrEqual(previous);
        if (state!.seq > previous) advanced++;
        previous = state!.seq;
        expect(readdirSync(dir)).toEqual([STATE_FILE_NAME]);
      }
      // The writer made progress in most rounds, so the kills did land during the write loop.
      expect(advanced).toBeGreaterThan(10);
    } finally {
      rmSync(code, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('MemoryStore', () => {
  it('keeps a copy, not the caller object', () => {
    const store = new MemoryStore<{ a: number[] }>();
    const state = { a: [1] };
    store.save(state);
    state.a.push(2);
    expect(store.load()).toEqual({ a: [1] });
  });
});
