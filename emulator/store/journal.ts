import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';

/**
 * The journal is JSON Lines: `<checksum> {"gen":…,"changes":[…]}\n`, one line per committed mutation. `gen` names
 * the snapshot the line applies to, so lines left over from before a compaction are recognised and skipped.
 */
export interface JournalRecord<C> {
  gen: string;
  changes: C[];
}

export interface ParsedJournal<C> {
  records: JournalRecord<C>[];
  /** Length of the intact prefix; anything after it is a torn last line. */
  validBytes: number;
}

const NEWLINE = 0x0a;

function digest(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

export function encodeRecord<C>(record: JournalRecord<C>): Buffer {
  const json = JSON.stringify(record);
  return Buffer.from(`${digest(json)} ${json}\n`, 'utf8');
}

function decodeLine<C>(line: string): JournalRecord<C> | undefined {
  const space = line.indexOf(' ');
  const json = line.slice(space + 1);
  if (space !== 16 || line.slice(0, space) !== digest(json)) return undefined;
  return JSON.parse(json) as JournalRecord<C>;
}

/**
 * Reads every intact line. Only the last line may be broken (a write cut short by a crash: its mutation was never
 * acknowledged); a broken line with intact lines after it is real corruption and throws.
 */
export function parseJournal<C>(data: Buffer, file: string): ParsedJournal<C> {
  const records: JournalRecord<C>[] = [];
  let start = 0;
  while (start < data.length) {
    const end = data.indexOf(NEWLINE, start);
    if (end < 0) break; // torn: the newline is written last
    const record = decodeLine<C>(data.toString('utf8', start, end));
    if (!record) {
      if (end + 1 < data.length) throw new Error(`emulator journal ${file} is corrupt at byte ${start}`);
      break;
    }
    records.push(record);
    start = end + 1;
  }
  return { records, validBytes: start };
}

/** Appends `data` and fdatasyncs it, so the record is durable before the mutation is acknowledged. */
export function appendDurably(file: string, data: Buffer): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
