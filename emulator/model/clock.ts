/**
 * The virtual clock: real time plus an offset the tests move forward (`POST /_emulator/clock`). Every lifecycle
 * deadline (provisioning, release, tasks, token expiry, X-Sdk-Date skew) is measured on it.
 */
export class VirtualClock {
  constructor(
    private offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward; it never goes back, so deadlines already passed stay passed. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advanceSeconds must be a non-negative number');
    this.offsetMs += Math.round(seconds * 1000);
  }

  /** Back to real time: only for a full reset, when no deadline on the old timeline survives. */
  resetToRealTime(): void {
    this.offsetMs = 0;
  }

  /** Restores a persisted offset (never moving backwards past it on restart). */
  restore(offsetMs: number): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
  }
}
