import { InvalidArgumentError, KooPhoneApiError, NotFoundError, type UserInstance } from '../../client';
import { CallBatcher } from './call-batcher';

/** Refusals about one phone's state or user (docs/api/endpoints.md#errors): frozen, restoring, backing up, not assignable. */
const PAIR_STATE_CODES = new Set(['2004', '2005', '2006', '2209']);

/**
 * True when assign/unassign refused the whole call for what one pair carries: an unknown phone (4001), a missing
 * binding (2210), a bad or mixed-tenant id (1000, 1012, client validation) or a phone/user that cannot take it.
 * Auth, rate limits, server and network failures concern every pair alike and are not split.
 */
export function refusedForAPair(err: unknown): boolean {
  if (err instanceof NotFoundError || err instanceof InvalidArgumentError) return true;
  return err instanceof KooPhoneApiError && PAIR_STATE_CODES.has(err.normalizedCode);
}

export interface AssignmentCalls {
  assign: (pairs: UserInstance[]) => Promise<void>;
  unassign: (pairs: UserInstance[]) => Promise<void>;
}

/**
 * Assignments created (or deleted) together in one deployment go out in calls of ≤ 100 `user_instances`. Both
 * endpoints answer the envelope only, with no per-pair result, and the emulator applies a refused call not at all
 * (docs/api/ambiguities.md#a19): a refused call is split so that only the bad pair's resource fails, with the API's
 * code and the request id of its own call.
 */
export class AssignmentBatcher {
  private readonly assigns: CallBatcher<UserInstance>;
  private readonly unassigns: CallBatcher<UserInstance>;

  constructor(calls: AssignmentCalls, gatherMs?: number) {
    this.assigns = new CallBatcher({ call: calls.assign, refusedForOneItem: refusedForAPair, gatherMs });
    this.unassigns = new CallBatcher({ call: calls.unassign, refusedForOneItem: refusedForAPair, gatherMs });
  }

  assign(pair: UserInstance): Promise<void> {
    return this.assigns.submit(pair);
  }

  unassign(pair: UserInstance): Promise<void> {
    return this.unassigns.submit(pair);
  }
}
