import type { KooPhoneClient } from '../client';

export type InstanceRecord = Awaited<ReturnType<KooPhoneClient['listAllInstances']>>[number];
export type InstanceSnapshot = ReadonlyMap<string, InstanceRecord>;

/**
 * Coalesces reads of instances. The API has no get-by-id for several ids (batch-query filters one id at a
 * time), so one paged listing of the tenant (100 per page) answers every read that arrives while it is
 * fresh: a refresh of 500 phones costs 5 list calls instead of 500.
 */
export class InstanceDirectory {
  private latest?: { startedAt: number; result: Promise<InstanceSnapshot> };

  constructor(
    private readonly listAll: () => Promise<InstanceRecord[]>,
    /** A listing that started at most this long ago serves a read. */
    private readonly freshnessMs: number,
  ) {}

  /**
   * A listing that started less than `maxAgeMs` ago (0: always a new one) and not before `notBefore` (epoch ms,
   * e.g. when a create returned: an older listing cannot show that phone); starts one when none did.
   */
  snapshot(maxAgeMs = this.freshnessMs, notBefore = 0): Promise<InstanceSnapshot> {
    const now = Date.now();
    if (this.latest && now - this.latest.startedAt < maxAgeMs && this.latest.startedAt >= notBefore) return this.latest.result;
    const result = this.listAll().then((records) => new Map(records.map((r) => [r.instance_id, r])));
    const entry = { startedAt: now, result };
    this.latest = entry;
    // A failed listing must not serve later reads.
    result.catch(() => {
      if (this.latest === entry) this.latest = undefined;
    });
    return result;
  }

  async get(instanceId: string, maxAgeMs?: number, notBefore?: number): Promise<InstanceRecord | undefined> {
    return (await this.snapshot(maxAgeMs, notBefore)).get(instanceId);
  }

  /**
   * Phones whose name starts with `{prefix}-`: how a create is reconciled. By default from a fresh-enough shared
   * listing (many creates start at once); pass 0 to force a new one.
   */
  async findByNamePrefix(prefix: string, maxAgeMs?: number): Promise<InstanceRecord[]> {
    const snapshot = await this.snapshot(maxAgeMs);
    return [...snapshot.values()].filter((r) => r.instance_name.startsWith(`${prefix}-`));
  }

  /** Forget the current listing, e.g. after a create or delete changed the tenant. */
  invalidate(): void {
    this.latest = undefined;
  }
}

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/**
 * Polls the shared directory until `done(record)` holds. Concurrent waiters share listings (each poll accepts
 * one started within the interval), so a fleet waiting for provisioning costs one listing per interval.
 */
export async function waitForInstance(
  directory: InstanceDirectory,
  instanceId: string,
  done: (record: InstanceRecord | undefined) => boolean,
  opts: {
    timeoutMs: number;
    intervalMs: number;
    what: string;
    /**
     * Only listings started at or after this time (epoch ms) count, and the first poll waits one interval: a fleet
     * of phones ordered over a few seconds then shares one listing per interval instead of one per order.
     */
    notBefore?: number;
  },
): Promise<InstanceRecord | undefined> {
  const deadline = Date.now() + opts.timeoutMs;
  if (opts.notBefore !== undefined) await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
  for (;;) {
    const record = await directory.get(instanceId, opts.intervalMs, opts.notBefore);
    if (done(record)) return record;
    if (Date.now() + opts.intervalMs > deadline) {
      throw new WaitTimeoutError(`timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for phone ${instanceId} ${opts.what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
  }
}
