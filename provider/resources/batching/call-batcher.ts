/** The KooPhone list endpoints (delete, assign, unassign) take at most this many items per call. */
export const ITEMS_PER_CALL = 100;
/**
 * A call goes out once no item has arrived for this long: the engine hands a step's deletes (or assignments) to the
 * provider tens of milliseconds apart, so a fixed short window would split them into many calls.
 */
const QUIET_MS = 250;
/** …but never later than this after its first item, so a steady trickle still moves. */
const MAX_WAIT_MS = 2000;

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface CallBatcherOptions<T> {
  /** One API call for these items; it succeeds or fails as a whole. */
  call: (items: T[]) => Promise<void>;
  /** True when the API refused the whole call for something one item carries (and changed nothing). */
  refusedForOneItem: (err: unknown) => boolean;
  /** Send once no item arrived for this long (default 250 ms). */
  gatherMs?: number;
  /** Send at the latest this long after the batch's first item (default 2 s). */
  maxWaitMs?: number;
}

/**
 * Sends the items that arrive together (the engine creates or deletes many resources at once) in calls of at most
 * ITEMS_PER_CALL. A call refused for one bad item is split into single calls, so each resource gets its own answer
 * (the API's code and request id of its own call). Any other failure (including an unknown outcome) goes to every
 * caller of that call, to reconcile on its own.
 */
export class CallBatcher<T> {
  private pending: Pending<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private openedAt = 0;

  constructor(private readonly options: CallBatcherOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending.length === 0) this.openedAt = Date.now();
      this.pending.push({ item, resolve, reject });
      clearTimeout(this.timer);
      this.timer = undefined;
      if (this.pending.length >= ITEMS_PER_CALL) {
        this.flush();
        return;
      }
      const quiet = this.options.gatherMs ?? QUIET_MS;
      const latest = this.openedAt + (this.options.maxWaitMs ?? MAX_WAIT_MS) - Date.now();
      this.timer = setTimeout(() => this.flush(), Math.max(0, Math.min(quiet, latest)));
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) void this.send(this.pending.splice(0, ITEMS_PER_CALL));
  }

  private async send(batch: Pending<T>[]): Promise<void> {
    try {
      await this.options.call(batch.map((p) => p.item));
      batch.forEach((p) => p.resolve());
    } catch (err) {
      if (batch.length > 1 && this.options.refusedForOneItem(err)) {
        await Promise.all(batch.map((p) => this.send([p])));
      } else {
        batch.forEach((p) => p.reject(err));
      }
    }
  }
}
