import { NotFoundError, PayPerUseNotDeletableError } from '../client';
import { CallBatcher, ITEMS_PER_CALL } from './call-batcher';

/** The delete endpoint takes at most this many ids per call. */
export const DELETE_IDS_PER_CALL = ITEMS_PER_CALL;

/**
 * Deletes of one deployment step, ≤ DELETE_IDS_PER_CALL ids per call. The API refuses a whole call for one bad id
 * (a pay-per-use phone, 5001, or one already gone, 4001) and changes nothing, so such a call is split into single
 * deletes (CallBatcher).
 */
export class DeleteBatcher extends CallBatcher<string> {
  constructor(deleteCall: (ids: string[]) => Promise<void>, gatherMs?: number, maxWaitMs?: number) {
    super({
      call: deleteCall,
      refusedForOneItem: (err) => err instanceof PayPerUseNotDeletableError || err instanceof NotFoundError,
      gatherMs,
      maxWaitMs,
    });
  }

  delete(id: string): Promise<void> {
    return this.submit(id);
  }
}
