import type { Op } from '../model/ops';

/** An injected failure for the next `remaining` requests to one operation (control plane, emulator/README.md). */
export interface Fault {
  endpoint: Op;
  status?: number;
  errorCode?: string;
  errorMsg?: string;
  latencyMs?: number;
  remaining: number;
  /** Apply the request normally, then destroy the socket without answering. */
  dropAfterCommit: boolean;
}

/** Faults per operation, consumed first-in first-out, one per request. */
export class FaultBook {
  private readonly faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The fault that applies to this request, if any; counts it down. */
  take(op: Op): Fault | undefined {
    const index = this.faults.findIndex((f) => f.endpoint === op);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults.length = 0;
  }
}
