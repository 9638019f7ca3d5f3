import { InstanceDirectory, LOOKS_PER_INTERVAL, waitForInstance, type InstanceRecord } from './instance-directory';

const record = (id: string, name: string, running_status = 2) =>
  ({ instance_id: id, instance_name: name, running_status }) as InstanceRecord;

describe('InstanceDirectory', () => {
  it('serves many concurrent reads with one listing', async () => {
    let listings = 0;
    const dir = new InstanceDirectory(async () => {
      listings++;
      return Array.from({ length: 500 }, (_, i) => record(`id${i}`, `fleet-abcde-${String(i).padStart(5, '0')}`));
    }, 1000);
    const found = await Promise.all(Array.from({ length: 500 }, (_, i) => dir.get(`id${i}`)));
    expect(found.every(Boolean)).toBe(true);
    expect(listings).toBe(1);
  });

  it('starts a fresh listing when a read demands one, and after a failed listing', async () => {
    let listings = 0;
    let fail = true;
    const dir = new InstanceDirectory(async () => {
      listings++;
      if (fail) throw new Error('boom');
      return [record('a', 'x-1')];
    }, 60_000);
    await expect(dir.get('a')).rejects.toThrow('boom');
    fail = false;
    expect(await dir.get('a')).toBeDefined();
    expect(await dir.get('a', 0)).toBeDefined();
    expect(listings).toBe(3);
  });

  it('finds phones by their exact name prefix', async () => {
    const dir = new InstanceDirectory(
      async () => [record('a', 'fleet-abcde-00001'), record('b', 'fleet-abcdef-00001')],
      0,
    );
    expect((await dir.findByNamePrefix('fleet-abcde')).map((r) => r.instance_id)).toEqual(['a']);
  });

  it('waits until a phone runs, sharing polls, and times out with the phone named', async () => {
    let polls = 0;
    const dir = new InstanceDirectory(async () => [record('a', 'x-1', ++polls >= 3 ? 2 : 4)], 0);
    const r = await waitForInstance(dir, 'a', (x) => x?.running_status === 2, {
      timeoutMs: 5000,
      intervalMs: 5,
      what: 'to run',
    });
    expect(r?.running_status).toBe(2);
    const never = new InstanceDirectory(async () => [record('b', 'x-1', 4)], 0);
    await expect(
      waitForInstance(never, 'b', (x) => x?.running_status === 2, { timeoutMs: 20, intervalMs: 5, what: 'to run' }),
    ).rejects.toThrow(/phone b to run/);
  });

  it('never answers a read from a listing older than notBefore, and phones ordered together share later listings', async () => {
    let listings = 0;
    const phones: InstanceRecord[] = [];
    const dir = new InstanceDirectory(async () => {
      listings++;
      return [...phones];
    }, 60_000);
    await dir.get('warm-up');
    phones.push(record('new', 'fleet-abcde-00001', 4));
    const orderedAt = Date.now() + 1; // strictly after the warm-up listing started
    await new Promise((r) => setTimeout(r, 5));
    expect(await dir.get('new')).toBeUndefined(); // the fresh-enough old listing does not know it
    expect(await dir.get('new', undefined, orderedAt)).toBeDefined();
    const before = listings;
    // Ten waiters for phones confirmed at the same moment: the listing that started after the order serves them all.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        waitForInstance(dir, 'new', (x) => x !== undefined, {
          timeoutMs: 1000,
          intervalMs: 10,
          what: 'to appear',
          notBefore: orderedAt,
        }),
      ),
    );
    expect(listings - before).toBe(0);
  });

  it('looks at once, then only at listings newer than its last look, shared by all waiters', async () => {
    let listings = 0;
    let status = 4;
    const dir = new InstanceDirectory(async () => {
      listings++;
      await new Promise((r) => setTimeout(r, 2));
      return [record('a', 'x-1', status), record('b', 'x-2', status)];
    }, 60_000);
    const confirmedAt = Date.now();
    const waits = ['a', 'b', 'a', 'b'].map((id) =>
      waitForInstance(dir, id, (x) => x?.running_status === 2, {
        timeoutMs: 5000,
        intervalMs: 20,
        what: 'to run',
        notBefore: confirmedAt,
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(listings).toBe(1); // the first look is immediate, and one listing serves all four
    status = 2;
    await Promise.all(waits);
    // Each later round is one shared listing started after every waiter's last look (a 60 s freshness is not reused).
    expect(listings).toBe(2);
  });

  it('queues one listing behind an in-flight one that is too old, instead of running listings side by side', async () => {
    let listings = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const dir = new InstanceDirectory(async () => {
      listings++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return [record('a', 'x-1')];
    }, 60_000);
    const first = dir.snapshot();
    await new Promise((r) => setTimeout(r, 2));
    const later = Date.now();
    await Promise.all([first, ...Array.from({ length: 5 }, () => dir.snapshot(undefined, later))]);
    expect([listings, maxInFlight]).toEqual([2, 1]);
  });

  it('creates confirmed one after another: their waiters share a few listings per interval, not one per create', async () => {
    let listings = 0;
    const start = Date.now();
    const startsAfterRunning: number[] = [];
    // Phones run 300 ms after the first order; listings take 5 ms.
    const dir = new InstanceDirectory(async () => {
      listings++;
      const running = Date.now() - start >= 300;
      if (running) startsAfterRunning.push(Date.now());
      await new Promise((r) => setTimeout(r, 5));
      const status = running ? 2 : 4;
      return Array.from({ length: 20 }, (_, i) => record(`p${i}`, `x-${i}`, status));
    }, 100);
    const waits: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      // A create confirmed every 10 ms (the engine starting creates one by one), then its wait.
      waits.push(
        waitForInstance(dir, `p${i}`, (x) => x?.running_status === 2, {
          timeoutMs: 5000,
          intervalMs: 100,
          what: 'to run',
          notBefore: Date.now(),
        }),
      );
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(waits);
    const elapsed = Date.now() - start;
    // Before pacing, every create's first look started its own listing (20+ here); now at most one per quarter interval.
    expect(listings).toBeLessThanOrEqual(Math.ceil(elapsed / (100 / LOOKS_PER_INTERVAL)) + 1);
    // Every waiter saw its phone running in the first listing that started after it ran.
    expect(startsAfterRunning).toHaveLength(1);
  });

  it('spaces pollers by a quarter interval, and by four times a listing when listings are slow', async () => {
    const dir = new InstanceDirectory(async () => {
      // At least 110 ms by the clock the directory reads (a timer alone may fire a millisecond early).
      const start = Date.now();
      while (Date.now() - start < 110) await new Promise((r) => setTimeout(r, 10));
      return [];
    }, 100);
    expect(dir.pollSpacing(1000)).toBe(1000 / LOOKS_PER_INTERVAL); // before any listing
    await dir.snapshot(0); // a listing of 110 ms or more: pollers wait at least four times that
    expect(dir.pollSpacing(1000)).toBeGreaterThanOrEqual(440);
    expect(dir.pollSpacing(200)).toBe(200); // never slower than one listing per interval
  });

  it('spaces pollers by 100 ms per list call, however fast the API answers', async () => {
    let phones = 250;
    const dir = new InstanceDirectory(
      async () => Array.from({ length: phones }, (_, i) => record(`p${i}`, `x-${i}`)),
      100,
    );
    await dir.snapshot(0); // 3 pages: 300 ms, more than a quarter of a 1 s interval
    expect(dir.pollSpacing(1000)).toBeGreaterThanOrEqual(300);
    expect(dir.pollSpacing(5000)).toBeGreaterThanOrEqual(5000 / LOOKS_PER_INTERVAL);
    phones = 1000;
    await dir.snapshot(0); // 10 pages: about one listing a second
    expect(dir.pollSpacing(5000)).toBeGreaterThanOrEqual(1000);
    expect(dir.pollSpacing(1000)).toBe(1000);
  });
});

describe('waitForInstance progress', () => {
  it('reports every look that did not end the wait, with the record it saw', async () => {
    let polls = 0;
    const dir = new InstanceDirectory(async () => [record('a', 'x-1', ++polls >= 3 ? 2 : 4)], 0);
    const seen: Array<number | null | undefined> = [];
    await waitForInstance(dir, 'a', (x) => x?.running_status === 2, {
      timeoutMs: 5000,
      intervalMs: 5,
      what: 'to run',
      onLook: (r) => seen.push(r?.running_status),
    });
    expect(seen).toEqual([4, 4]);
  });
});
