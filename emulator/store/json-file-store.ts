import { mkdirSync, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempPrefix, writeFileAtomic } from './atomic-write';
import type { StateStore } from './state-store';

export const STATE_FILE_NAME = 'koophone-state.json';

/**
 * One JSON document in `dataDir`, replaced atomically on every save. Imports only node builtins and
 * ./atomic-write so the crash test can run it in a child process after a plain transpile.
 */
export class JsonFileStore<T> implements StateStore<T> {
  readonly file: string;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, STATE_FILE_NAME);
  }

  load(): T | undefined {
    this.removeLeftoverTempFiles();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      // Atomic writes make this unreachable unless someone edited the file; refuse rather than wipe it.
      throw new Error(`emulator state file ${this.file} is not valid JSON; move it away to start fresh`);
    }
  }

  save(state: T): void {
    writeFileAtomic(this.file, JSON.stringify(state));
  }

  /** A crash between writing and renaming leaves a temp file; it never holds the committed state. */
  private removeLeftoverTempFiles(): void {
    const prefix = tempPrefix(this.file);
    for (const name of readdirSync(this.dataDir)) {
      if (name.startsWith(prefix)) unlinkSync(join(this.dataDir, name));
    }
  }
}
