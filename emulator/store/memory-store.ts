import { shouldCompact } from './compaction';
import type { StateStore, Stored } from './state-store';

/**
 * dataDir null: state lives only in the process. Keeps serialised copies so callers cannot alias the stored value,
 * with the same append + compaction scheme as the file store so a mutation costs O(change) here too.
 */
export class MemoryStore<T, C> implements StateStore<T, C> {
  private snapshot: string | undefined;
  private journal: string[] = [];
  private journalBytes = 0;

  load(): Stored<T, C> | undefined {
    if (this.snapshot === undefined) return undefined;
    return {
      state: JSON.parse(this.snapshot) as T,
      changes: this.journal.flatMap((batch) => JSON.parse(batch) as C[]),
    };
  }

  save(state: T): void {
    this.snapshot = JSON.stringify(state);
    this.journal = [];
    this.journalBytes = 0;
  }

  append(changes: readonly C[], snapshot: () => T): void {
    if (this.snapshot === undefined) throw new Error('MemoryStore.append before the first save');
    const batch = JSON.stringify(changes);
    this.journal.push(batch);
    this.journalBytes += batch.length;
    if (shouldCompact(this.journalBytes, this.snapshot.length)) this.save(snapshot());
  }
}
