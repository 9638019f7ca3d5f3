/** The journal may grow to this many bytes before a compaction is considered at all. */
export const MIN_JOURNAL_BYTES = 4 * 1024 * 1024;

/**
 * Compact once the journal outgrows both the floor and the snapshot itself. Rewriting the snapshot (S bytes) after
 * at least S journal bytes keeps the amortised cost per mutation at most twice its own record, whatever the state size.
 */
export function shouldCompact(journalBytes: number, snapshotBytes: number): boolean {
  return journalBytes > Math.max(MIN_JOURNAL_BYTES, snapshotBytes);
}
