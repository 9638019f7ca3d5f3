import { NotFoundError, PayPerUseNotDeletableError } from '../../client';
import { chunk } from '../../common/chunk';
import { CallBatcher, ITEMS_PER_CALL } from './call-batcher';

/** The delete endpoint takes at most this many ids per call. */
export const DELETE_IDS_PER_CALL = ITEMS_PER_CALL;
/**
 * The engine hands a destroy's deletes to the provider one by one, 30–50 ms apart (it checkpoints the state around
 * each step), so 200 deletes arrive over ~8 s: a batch waits up to 5 s for more (instead of the batcher's 2 s), and
 * a destroy of 200 phones at `--parallel 200` makes 2 delete calls instead of 4. A delete then waits at most 5 s
 * for its call, short beside the release that follows.
 */
const DELETE_MAX_WAIT_MS = 5000;

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
      maxWaitMs: maxWaitMs ?? DELETE_MAX_WAIT_MS,
    });
  }

  delete(id: string): Promise<void> {
    return this.submit(id);
  }
}

/**
 * Deletes ids a caller holds all at once (a group's shrink or destroy): calls of ≤ DELETE_IDS_PER_CALL ids, one after
 * another, with no gathering and no splitting of a refused call. `failed` hears a call that threw and answers with the
 * ids of it the API took anyway (after an unknown outcome); `afterCall` runs after every call, failed or not.
 * Returns the ids the API took.
 */
export async function deleteInCalls(
  ids: readonly string[],
  deleteCall: (ids: string[]) => Promise<void>,
  failed: (batch: string[], err: unknown) => Promise<string[]>,
  afterCall: () => void,
): Promise<string[]> {
  const taken: string[] = [];
  for (const batch of chunk(ids, DELETE_IDS_PER_CALL)) {
    try {
      await deleteCall(batch);
      taken.push(...batch);
    } catch (err) {
      taken.push(...(await failed(batch, err)));
    } finally {
      afterCall();
    }
  }
  return taken;
}
