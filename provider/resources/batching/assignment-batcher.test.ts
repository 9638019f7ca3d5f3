import { AuthFailedError, KooPhoneApiError, NotFoundError, type UserInstance } from '../../client';
import { AssignmentBatcher } from './assignment-batcher';

let requests = 0;
const refusal = <T>(Kind: new (init: never) => T, code: string, apiMessage: string) =>
  new Kind({ status: 200, code, apiMessage, requestId: `req-${++requests}`, endpoint: 'assign' } as never);
const pair = (i: number | string): UserInstance => ({ instance_id: `p${i}`, user_id: 'u1' });

describe('AssignmentBatcher', () => {
  it('sends assigns and unassigns that arrive together in calls of at most 100 pairs each', async () => {
    const calls: { op: string; size: number }[] = [];
    const batcher = new AssignmentBatcher(
      {
        assign: async (pairs) => void calls.push({ op: 'assign', size: pairs.length }),
        unassign: async (pairs) => void calls.push({ op: 'unassign', size: pairs.length }),
      },
      5,
    );
    const ids = Array.from({ length: 250 }, (_, i) => i);
    await Promise.all([
      ...ids.map((i) => batcher.assign(pair(i))),
      ...ids.slice(0, 30).map((i) => batcher.unassign(pair(i))),
    ]);
    expect(calls.filter((c) => c.op === 'assign').map((c) => c.size)).toEqual([100, 100, 50]);
    expect(calls.filter((c) => c.op === 'unassign').map((c) => c.size)).toEqual([30]);
  });

  it('splits a call refused for one pair: only that resource fails, with the code and request id of its own call', async () => {
    const calls: string[][] = [];
    const batcher = new AssignmentBatcher(
      {
        assign: async (pairs) => {
          calls.push(pairs.map((p) => p.instance_id));
          if (pairs.some((p) => p.instance_id === 'ptaken'))
            throw refusal(KooPhoneApiError, 'KPAPI.2209', 'instance ptaken is already assigned');
        },
        unassign: async (pairs) => {
          if (pairs.some((p) => p.instance_id === 'pgone')) throw refusal(NotFoundError, 'KOOPHONE.API.2210', 'x');
        },
      },
      5,
    );
    const assigned = await Promise.allSettled(['a', 'taken', 'b'].map((id) => batcher.assign(pair(id))));
    expect(assigned.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (assigned[1] as PromiseRejectedResult).reason as KooPhoneApiError;
    expect([reason.code, reason.apiMessage]).toEqual(['KPAPI.2209', 'instance ptaken is already assigned']);
    expect(reason.requestId).toBe(`req-${requests}`); // the single call's, not the refused batch's
    expect(calls).toEqual([['pa', 'ptaken', 'pb'], ['pa'], ['ptaken'], ['pb']]);
    const unassigned = await Promise.allSettled(['a', 'gone'].map((id) => batcher.unassign(pair(id))));
    expect(unassigned.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('gives a failure that concerns every pair (auth, server) to every caller of that call, without splitting', async () => {
    let calls = 0;
    const batcher = new AssignmentBatcher(
      {
        assign: async () => {
          calls++;
          throw refusal(AuthFailedError, 'KOOPHONE.API.1003', 'x');
        },
        unassign: async () => {
          calls++;
          throw new KooPhoneApiError({
            status: 503,
            code: 'HTTP.503',
            apiMessage: '',
            requestId: 'r',
            endpoint: 'unassign',
          });
        },
      },
      5,
    );
    const results = await Promise.allSettled([
      ...[1, 2].map((i) => batcher.assign(pair(i))),
      ...[1, 2].map((i) => batcher.unassign(pair(i))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(calls).toBe(2);
  });
});
