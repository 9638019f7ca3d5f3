import { NotFoundError, PayPerUseNotDeletableError } from '../../client';
import { DeleteBatcher } from './delete-batcher';

const apiError = <T>(Kind: new (init: never) => T, code: string) =>
  new Kind({ status: 200, code, apiMessage: 'x', requestId: 'r', endpoint: 'delete' } as never);

describe('DeleteBatcher', () => {
  it('sends deletes that arrive together in calls of at most 100 ids', async () => {
    const calls: string[][] = [];
    const batcher = new DeleteBatcher(async (ids) => void calls.push(ids), 5);
    await Promise.all(Array.from({ length: 250 }, (_, i) => batcher.delete(`p${i}`)));
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(new Set(calls.flat()).size).toBe(250);
  });

  it('splits a call the API refused for one id, so only that resource fails, with its own reason', async () => {
    const calls: string[][] = [];
    const batcher = new DeleteBatcher(async (ids) => {
      calls.push(ids);
      if (ids.includes('payg')) throw apiError(PayPerUseNotDeletableError, 'KOOPHONE.API.5001');
      if (ids.includes('gone')) throw apiError(NotFoundError, 'KOOPHONE.API.4001');
    }, 5);
    const results = await Promise.allSettled(['a', 'payg', 'b', 'gone'].map((id) => batcher.delete(id)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PayPerUseNotDeletableError);
    expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
    expect(calls[0]).toEqual(['a', 'payg', 'b', 'gone']);
    expect(calls.slice(1).every((c) => c.length === 1)).toBe(true);
  });

  it('gives any other failure to every caller of that call', async () => {
    const batcher = new DeleteBatcher(async () => {
      throw new Error('HTTP 503');
    }, 5);
    const results = await Promise.allSettled(['a', 'b'].map((id) => batcher.delete(id)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('gathering a step that trickles in', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('keeps one call open while items keep arriving within the quiet time', async () => {
    const calls: string[][] = [];
    const batcher = new DeleteBatcher(async (ids) => void calls.push(ids), 60);
    const done: Promise<void>[] = [];
    for (let i = 0; i < 8; i++) {
      done.push(batcher.delete(`p${i}`));
      await sleep(15); // further apart than a fixed short window, closer than the quiet time
    }
    await Promise.all(done);
    expect(calls.map((c) => c.length)).toEqual([8]);
  });

  it('sends at the latest maxWait after the first item, so a steady trickle still moves', async () => {
    const calls: string[][] = [];
    const batcher = new DeleteBatcher(async (ids) => void calls.push(ids), 60, 50);
    const done: Promise<void>[] = [];
    for (let i = 0; i < 8; i++) {
      done.push(batcher.delete(`p${i}`));
      await sleep(15);
    }
    await Promise.all(done);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.flat()).toHaveLength(8);
  });
});

describe("a destroy's deletes, handed over one by one", () => {
  afterEach(() => jest.useRealTimers());

  it('200 deletes 40 ms apart (8 s, as the engine hands them over) go out in 2 calls', async () => {
    jest.useFakeTimers();
    const calls: string[][] = [];
    const batcher = new DeleteBatcher(async (ids) => void calls.push(ids));
    const done: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      done.push(batcher.delete(`p${i}`));
      await jest.advanceTimersByTimeAsync(40);
    }
    await jest.advanceTimersByTimeAsync(6000);
    await Promise.all(done);
    // With the batcher's general 2 s cap this was 4 calls; a delete now waits at most 5 s for its call.
    expect(calls.map((c) => c.length)).toEqual([100, 100]);
  });
});
