import { ALL_OPS, type Op } from '../model/ops';

/** Requests per operation, counting every request that reached an operation (failed and faulted ones too). */
export class RequestCounters {
  private counts = new Map<Op, number>();

  increment(op: Op): void {
    this.counts.set(op, (this.counts.get(op) ?? 0) + 1);
  }

  /** Every operation, zero when never called, so tests can compare whole objects. */
  snapshot(): Record<Op, number> {
    return Object.fromEntries(ALL_OPS.map((op) => [op, this.counts.get(op) ?? 0])) as Record<Op, number>;
  }

  clear(): void {
    this.counts.clear();
  }
}
