/** Where the emulator keeps its state between requests (and, for the file store, between runs). */
export interface StateStore<T> {
  /** The last saved state, or undefined when nothing was saved yet. */
  load(): T | undefined;
  /** Durably replaces the saved state before returning. */
  save(state: T): void;
}
