/** A saved state: the last snapshot plus the journalled changes made since, in order. */
export interface Stored<T, C> {
  state: T;
  changes: C[];
}

/**
 * Where the emulator keeps its state between requests (and, for the file store, between runs). A mutation appends
 * only its changes, so its cost follows the size of the change, not of the state; the store folds the changes into
 * a fresh snapshot now and then (compaction), which costs O(state) but happens once per O(state) bytes appended.
 */
export interface StateStore<T, C> {
  /** The last saved state and the changes to replay on it, or undefined when nothing was saved yet. */
  load(): Stored<T, C> | undefined;
  /** Durably replaces everything saved with `state` (first start, reset, compaction). */
  save(state: T): void;
  /** Durably records one batch of changes, all or nothing; `snapshot` is called only when the store compacts. */
  append(changes: readonly C[], snapshot: () => T): void;
}
