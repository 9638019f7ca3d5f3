import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

let sequence = 0;

/** Prefix of temporary files; a crash can leave one behind, and loading removes them. */
export function tempPrefix(target: string): string {
  return `.${basename(target)}.tmp-`;
}

/**
 * Replaces `target` with `content` so that a crash at any moment leaves either the old or the new file:
 * write a temp file in the same directory, fsync it, rename it over the target (atomic on POSIX), then fsync
 * the directory so the rename itself is durable.
 */
export function writeFileAtomic(target: string, content: string | Buffer): void {
  const dir = dirname(target);
  const tmp = join(dir, `${tempPrefix(target)}${process.pid}-${sequence++}`);
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, target);
  fsyncDirectory(dir);
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
