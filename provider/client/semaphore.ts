/**
 * Counting semaphore with FIFO waiters. Shared per origin by every client in the process (connection-pool.ts), so
 * many Pulumi resource operations running at once cannot exceed the API's tolerance together.
 */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private limitValue: number) {
    if (!Number.isInteger(limitValue) || limitValue < 1)
      throw new RangeError(`concurrency must be an integer ≥ 1, got ${limitValue}`);
  }

  get limit(): number {
    return this.limitValue;
  }

  /** Lowers the limit (never raises it): the strictest client in the process wins. */
  tighten(limit: number): void {
    if (limit >= 1 && limit < this.limitValue) this.limitValue = limit;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Waits for a slot; the returned function frees it (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.active >= this.limitValue) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.wakeNext();
    };
  }

  private wakeNext(): void {
    if (this.active < this.limitValue) this.waiters.shift()?.();
  }
}
