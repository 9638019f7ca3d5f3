import { randomBytes } from 'node:crypto';
import {
  closeSync,
  ftruncateSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { tempPrefix, writeFileAtomic } from './atomic-write';
import { shouldCompact } from './compaction';
import { appendDurably, encodeRecord, parseJournal } from './journal';
import type { StateStore, Stored } from './state-store';

export const STATE_FILE_NAME = 'koophone-state.json';
export const JOURNAL_FILE_NAME = 'koophone-journal.jsonl';

/** Snapshot document; a file without `koophoneStore` is a pre-journal state file, read as the state itself. */
interface SnapshotFile<T> {
  koophoneStore: 2;
  gen: string;
  state: T;
}

/** What the store wrote, for the benchmark and for tests that check the cost of a mutation. */
export interface StoreStats {
  appends: number;
  snapshots: number;
  bytesWritten: number;
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * A snapshot (`koophone-state.json`, replaced atomically) plus an append-only journal of the changes made since
 * (`koophone-journal.jsonl`, one fdatasync'd line per mutation). Imports only node builtins and sibling modules so
 * the crash tests can run it in a child process after a plain transpile.
 */
export class JsonFileStore<T, C> implements StateStore<T, C> {
  readonly file: string;
  readonly journalFile: string;
  readonly stats: StoreStats = { appends: 0, snapshots: 0, bytesWritten: 0 };
  private gen: string | undefined;
  private snapshotBytes = 0;
  private journalBytes = 0;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, STATE_FILE_NAME);
    this.journalFile = join(dataDir, JOURNAL_FILE_NAME);
  }

  load(): Stored<T, C> | undefined {
    this.removeLeftoverTempFiles();
    const text = readIfExists(this.file);
    if (text === undefined) return undefined;
    let snapshot: SnapshotFile<T>;
    try {
      const doc = JSON.parse(text.toString('utf8')) as SnapshotFile<T> | T;
      snapshot =
        (doc as SnapshotFile<T>).koophoneStore === 2
          ? (doc as SnapshotFile<T>)
          : { koophoneStore: 2, gen: '', state: doc as T };
    } catch {
      // Atomic writes make this unreachable unless someone edited the file; refuse rather than wipe it.
      throw new Error(`emulator state file ${this.file} is not valid JSON; move it away to start fresh`);
    }
    const journal = readIfExists(this.journalFile) ?? Buffer.alloc(0);
    const { records, validBytes } = parseJournal<C>(journal, this.journalFile);
    if (validBytes < journal.length) this.truncateJournal(validBytes);
    this.gen = snapshot.gen;
    this.snapshotBytes = text.length;
    this.journalBytes = validBytes;
    // Lines of another generation predate the snapshot (a crash between writing it and emptying the journal).
    const changes = records.filter((r) => r.gen === snapshot.gen).flatMap((r) => r.changes);
    return { state: snapshot.state, changes };
  }

  save(state: T): void {
    const gen = randomBytes(8).toString('hex');
    const doc: SnapshotFile<T> = { koophoneStore: 2, gen, state };
    const data = Buffer.from(JSON.stringify(doc), 'utf8');
    // Snapshot first: until the journal is emptied, its lines carry the old generation and are skipped.
    writeFileAtomic(this.file, data);
    writeFileAtomic(this.journalFile, '');
    this.gen = gen;
    this.snapshotBytes = data.length;
    this.journalBytes = 0;
    this.stats.snapshots++;
    this.stats.bytesWritten += data.length;
  }

  append(changes: readonly C[], snapshot: () => T): void {
    if (this.gen === undefined) throw new Error('JsonFileStore.append before load or save');
    if (this.gen === '') return this.save(snapshot()); // a pre-journal data dir: convert it first
    const line = encodeRecord({ gen: this.gen, changes: [...changes] });
    appendDurably(this.journalFile, line);
    this.journalBytes += line.length;
    this.stats.appends++;
    this.stats.bytesWritten += line.length;
    if (shouldCompact(this.journalBytes, this.snapshotBytes)) this.save(snapshot());
  }

  /** Cuts a torn last line off, so the next append starts on a line of its own. */
  private truncateJournal(length: number): void {
    const fd = openSync(this.journalFile, 'r+');
    try {
      ftruncateSync(fd, length);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** A crash between writing and renaming leaves a temp file; it never holds committed data. */
  private removeLeftoverTempFiles(): void {
    const prefixes = [tempPrefix(this.file), tempPrefix(this.journalFile)];
    for (const name of readdirSync(this.dataDir)) {
      if (prefixes.some((p) => name.startsWith(p))) unlinkSync(join(this.dataDir, name));
    }
  }
}
