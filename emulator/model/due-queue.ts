/**
 * Min-heap of (time, id): when each phone's next lifecycle step is due. Entries are never removed early: a step
 * cancelled or rescheduled leaves a stale entry that the consumer recognises (the phone's transition no longer has
 * that time) and skips, so scheduling and applying cost log(pending steps), not a pass over every phone.
 */
export class DueQueue {
  private readonly heap: { at: number; id: string }[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(at: number, id: string): void {
    const h = this.heap;
    h.push({ at, id });
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  /** The earliest time queued (Infinity when empty). */
  peek(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  /** Removes and returns the earliest entry. */
  pop(): { at: number; id: string } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].at < h[m].at) m = l;
        if (r < h.length && h[r].at < h[m].at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.heap.length = 0;
  }
}
