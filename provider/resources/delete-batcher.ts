import { NotFoundError, PayPerUseNotDeletableError } from '../client';

/** The delete endpoint takes at most this many ids per call. */
export const DELETE_IDS_PER_CALL = 100;
/** How long a delete waits for others of the same deployment step to join its call. */
const GATHER_MS = 50;

interface Pending {
  id: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Sends the deletes that arrive together (the engine deletes many resources at once in a destroy) in calls of at most
 * DELETE_IDS_PER_CALL ids. The API refuses a whole call for one bad id (a pay-per-use phone, 5001, or one already
 * gone, 4001) and changes nothing, so such a call is split into single deletes: each resource gets its own answer.
 * Any other failure (including an unknown outcome) goes to every caller of that call, to reconcile on its own.
 */
export class DeleteBatcher {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deleteCall: (ids: string[]) => Promise<void>,
    private readonly gatherMs = GATHER_MS,
  ) {}

  delete(id: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      if (this.pending.length >= DELETE_IDS_PER_CALL) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.gatherMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) void this.send(this.pending.splice(0, DELETE_IDS_PER_CALL));
  }

  private async send(batch: Pending[]): Promise<void> {
    try {
      await this.deleteCall(batch.map((p) => p.id));
      batch.forEach((p) => p.resolve());
    } catch (err) {
      const oneBadId = err instanceof PayPerUseNotDeletableError || err instanceof NotFoundError;
      if (batch.length > 1 && oneBadId) {
        await Promise.all(batch.map((p) => this.send([p])));
      } else {
        batch.forEach((p) => p.reject(err));
      }
    }
  }
}
