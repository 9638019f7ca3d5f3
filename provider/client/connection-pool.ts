import { Pool } from 'undici';
import { Semaphore } from './semaphore';

/**
 * One undici Pool and one concurrency semaphore per origin for the whole process ("One shared
 * undici.Pool/Agent per endpoint"). Clients take a reference and give it back on close; the pool closes with the last.
 */
export interface SharedOrigin {
  readonly pool: Pool;
  readonly limiter: Semaphore;
  /** Gives the reference back; closes the pool when no client uses it any more. */
  release(): Promise<void>;
}

interface Entry {
  pool: Pool;
  limiter: Semaphore;
  refs: number;
}

const origins = new Map<string, Entry>();

export function acquireOrigin(origin: string, concurrency: number, connectTimeoutMs: number): SharedOrigin {
  let entry = origins.get(origin);
  if (entry) {
    entry.limiter.tighten(concurrency);
  } else {
    entry = {
      // connections = the limit: the semaphore already bounds in-flight requests, more sockets would sit idle.
      pool: new Pool(origin, { connections: concurrency, connect: { timeout: connectTimeoutMs } }),
      limiter: new Semaphore(concurrency),
      refs: 0,
    };
    origins.set(origin, entry);
  }
  entry.refs++;
  const held = entry;
  let released = false;
  return {
    pool: held.pool,
    limiter: held.limiter,
    async release() {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs === 0) {
        if (origins.get(origin) === held) origins.delete(origin);
        await held.pool.close();
      }
    },
  };
}
