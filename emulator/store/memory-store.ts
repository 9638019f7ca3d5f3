import type { StateStore } from './state-store';

/** dataDir null: state lives only in the process. Saves a deep copy so callers cannot alias the stored value. */
export class MemoryStore<T> implements StateStore<T> {
  private saved: string | undefined;

  load(): T | undefined {
    return this.saved === undefined ? undefined : (JSON.parse(this.saved) as T);
  }

  save(state: T): void {
    this.saved = JSON.stringify(state);
  }
}
