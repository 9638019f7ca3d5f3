import { LIST_PAGE_SIZE, type KooPhoneClient } from '../../client';

export type InstanceRecord = Awaited<ReturnType<KooPhoneClient['listAllInstances']>>[number];
export type InstanceSnapshot = ReadonlyMap<string, InstanceRecord>;
/** One listing of the tenant's phones and when it started. */
export interface Listing {
  startedAt: number;
  settled: boolean;
  result: Promise<InstanceSnapshot>;
}

/**
 * Listings the shared poller may take per poll interval. One listing serves every waiter, so a fleet still costs a
 * few listings per interval (not one look per phone), and a phone is seen within about a quarter interval of
 * changing instead of half an interval on average.
 */
export const LOOKS_PER_INTERVAL = 4;
/**
 * Pollers' listings start at least this many times their own duration apart: a tenant of thousands of phones (a
 * listing of many pages) is listed less often, but never less than once per interval.
 */
const LISTING_DUTY_FACTOR = 4;
/**
 * …and at least this long per list call (page) a listing takes: pollers make at most about 10 list calls per second
 * however fast the API answers, so a tenant of 1,000 phones (10 pages) is listed about once a second.
 */
const POLL_MS_PER_PAGE = 100;

/**
 * Coalesces reads of instances. The API has no get-by-id for several ids (batch-query filters one id at a
 * time), so one paged listing of the tenant (100 per page) answers every read that arrives while it is
 * fresh: a refresh of 500 phones costs 5 list calls instead of 500.
 */
export class InstanceDirectory {
  private latest?: Listing;
  /** A listing queued behind one in flight that is too old for some reader: at most one waits at a time. */
  private queued?: Promise<Listing>;
  /** The pollers' next listing (see nextListing) and when it is due to start. */
  private paced?: { at: number; listing: Promise<Listing> };
  /** How long the last listing that succeeded took, and how many list calls (pages) it made. */
  private lastListingMs = 0;
  private lastListingPages = 0;

  constructor(
    private readonly listAll: () => Promise<InstanceRecord[]>,
    /** A listing that started at most this long ago serves a read. */
    private readonly freshnessMs: number,
  ) {}

  /**
   * A listing that started less than `maxAgeMs` ago (0: always a new one) and not before `notBefore` (epoch ms,
   * e.g. when a create returned: an older listing cannot show that phone); starts one when none did.
   */
  async snapshot(maxAgeMs = this.freshnessMs, notBefore = 0): Promise<InstanceSnapshot> {
    return (await this.listing(maxAgeMs, notBefore)).result;
  }

  /** Like snapshot(), with when the listing started, so a poller can ask for a later one next time. */
  listing(maxAgeMs = this.freshnessMs, notBefore = 0): Promise<Listing> {
    const now = Date.now();
    const latest = this.latest;
    if (latest && now - latest.startedAt < maxAgeMs && latest.startedAt >= notBefore) return Promise.resolve(latest);
    if (latest && !latest.settled && maxAgeMs > 0) {
      // A listing is in flight but too old for this reader: share one that starts when it ends (it will start after
      // `notBefore`, which is in the past), instead of running listings side by side.
      this.queued ??= latest.result
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          this.queued = undefined;
          return this.start();
        });
      return this.queued;
    }
    return Promise.resolve(this.start());
  }

  /**
   * For pollers: the latest listing when it started at or after `notBefore`, otherwise the next one, started no
   * sooner than `spacingMs` after the latest started (and after it ended), shared by every poller that asks meanwhile.
   * However many phones wait and however their looks are spread (creates confirmed one after another), pollers cost
   * at most one listing per interval, and a change is still seen within about one interval.
   */
  nextListing(notBefore: number, spacingMs: number): Promise<Listing> {
    const latest = this.latest;
    if (latest && latest.startedAt >= notBefore) return Promise.resolve(latest);
    if (this.paced && this.paced.at >= notBefore) return this.paced.listing;
    const at = Math.max(notBefore, latest ? latest.startedAt + spacingMs : 0, Date.now());
    const listing = this.startAt(at, this.paced?.listing ?? latest?.result);
    this.paced = { at, listing };
    return listing;
  }

  /** The pollers' spacing for a poll interval: LOOKS_PER_INTERVAL per interval, slower for slow or long listings. */
  pollSpacing(intervalMs: number): number {
    const floor = Math.max(
      intervalMs / LOOKS_PER_INTERVAL,
      LISTING_DUTY_FACTOR * this.lastListingMs,
      POLL_MS_PER_PAGE * this.lastListingPages,
    );
    return Math.min(intervalMs, floor);
  }

  /** Starts a listing at `at`, not before `previous` (the one in flight, or the previous paced one) has ended. */
  private async startAt(at: number, previous: Promise<unknown> | undefined): Promise<Listing> {
    await previous?.then(
      () => undefined,
      () => undefined,
    );
    const wait = at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.paced?.at === at) this.paced = undefined; // one paced listing at a time: its start time names it
    return this.start();
  }

  private start(): Listing {
    const entry: Listing = {
      startedAt: Date.now(),
      settled: false,
      result: this.listAll().then((records) => new Map(records.map((r) => [r.instance_id, r]))),
    };
    this.latest = entry;
    entry.result.then(
      (snapshot) => {
        entry.settled = true;
        this.lastListingMs = Date.now() - entry.startedAt;
        this.lastListingPages = Math.max(1, Math.ceil(snapshot.size / LIST_PAGE_SIZE));
      },
      () => {
        entry.settled = true;
        // A failed listing must not serve later reads.
        if (this.latest === entry) this.latest = undefined;
      },
    );
    return entry;
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
 * The pollers' loop, for one phone or a fleet: looks at listings until `look` says it is done. The first look takes a
 * listing at most one interval old (or started after `notBefore`), starting one at once when none was started within
 * the interval; every later look uses the pollers' next listing after this poller's previous one (nextListing, spaced
 * by pollSpacing), so a change is seen within about a quarter interval, and any number of pollers costs at most
 * LOOKS_PER_INTERVAL listings per interval however their starts are spread. Throws WaitTimeoutError with `timedOut()`
 * when another look would pass the deadline.
 */
export async function pollListings(
  directory: InstanceDirectory,
  opts: {
    timeoutMs: number;
    intervalMs: number;
    /** Only listings started at or after this time (epoch ms) count: e.g. when the phones were confirmed bought. */
    notBefore?: number;
  },
  look: (snapshot: InstanceSnapshot) => boolean,
  timedOut: () => string,
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let notBefore = opts.notBefore ?? Date.now() - opts.intervalMs;
  for (;;) {
    const listing = await directory.nextListing(notBefore, directory.pollSpacing(opts.intervalMs));
    if (look(await listing.result)) return;
    if (Date.now() + opts.intervalMs > deadline) throw new WaitTimeoutError(timedOut());
    notBefore = listing.startedAt + 1;
  }
}

/** Polls the shared directory (pollListings) until `done(record)` holds for one phone. */
export async function waitForInstance(
  directory: InstanceDirectory,
  instanceId: string,
  done: (record: InstanceRecord | undefined) => boolean,
  opts: {
    timeoutMs: number;
    intervalMs: number;
    what: string;
    /** Only listings started at or after this time (epoch ms) count: e.g. when the phone was confirmed bought. */
    notBefore?: number;
    /** Called with each look that did not end the wait, e.g. to show progress beside the resource. */
    onLook?: (record: InstanceRecord | undefined) => void;
  },
): Promise<InstanceRecord | undefined> {
  let record: InstanceRecord | undefined;
  await pollListings(
    directory,
    opts,
    (snapshot) => {
      record = snapshot.get(instanceId);
      if (done(record)) return true;
      opts.onLook?.(record);
      return false;
    },
    () => `timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for phone ${instanceId} ${opts.what}`,
  );
  return record;
}
