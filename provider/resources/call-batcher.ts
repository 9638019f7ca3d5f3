/** The KooPhone list endpoints (delete, assign, unassign) take at most this many items per call. */
export const ITEMS_PER_CALL = 100;
/** How long a call waits for others of the same deployment step to join it. */
const GATHER_MS = 50;

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
  gatherMs?: number;
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

  constructor(private readonly options: CallBatcherOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= ITEMS_PER_CALL) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.gatherMs ?? GATHER_MS);
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
