import { createKooPhoneStack, managedResources, type KooPhoneStack } from './support/koophone-stack';

/**
 * Costs and budgets through the real engine and the emulator's price table (docs/costs-and-budgets.md): the plan
 * says what each purchase costs, budgets refuse a plan before any order, and nothing is bought while a check fails.
 */
describe('costs and budgets', () => {
  let s: KooPhoneStack;
  afterEach(async () => {
    await s?.dispose();
  });
  const said = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
  const creates = async () => (await s.control.counters()).create ?? 0;

  test('preview shows a 40-phone group at list price, getQuote agrees with the price table, a renewal shows its price', async () => {
    s = await createKooPhoneStack();
    const table = await s.control.call<{ monthly: Record<string, Record<string, number>> }>(
      'GET',
      '/_emulator/billing/prices',
    );
    const monthly = table.monthly['kp.professional.xlarge.32g.2']['4'];
    await s.declare({ groups: [{ name: 'fleet', size: 40 }] });
    const preview = await s.project.pulumi(['preview']);
    expect(said(preview)).toContain(
      'will buy 40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month): CNY 11,960.00 at list price',
    );
    expect(monthly * 40).toBe(11960);

    await s.project.setConfig(
      'quote',
      JSON.stringify({ instanceSkuId: 'kp.professional.xlarge.32g.2', bandSize: 4, regionId: 'cn-north-4', count: 3 }),
    );
    await s.declare({ groups: [], phones: [{ name: 'p', renewBeforeDays: 10 }] });
    const up = await s.project.pulumi(['up', '--yes', '--skip-preview']);
    // `up` says the same before ordering.
    expect(said(up)).toContain(
      'will buy 1 phone (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month): CNY 299.00 at list price',
    );
    const quote = (await s.project.outputs()).quote as { listAmount: number; currency: string; count: number };
    expect(quote).toMatchObject({ listAmount: monthly * 3, currency: 'CNY', count: 3 });

    const { p } = await s.phoneIds();
    await s.control.call('POST', `/_emulator/subscriptions/${p}`, { expireInSeconds: 3 * 86_400 });
    const renewal = await s.project.pulumi(['preview']);
    expect(said(renewal)).toMatch(/will renew 1 phone for 1 month \(.*\): CNY 299\.00 at list price/);
  });

  test('maxOrderAmount and maxPhonesPerUpdate refuse a plan in preview and in up --skip-preview, before any order', async () => {
    s = await createKooPhoneStack();
    await s.declare({ groups: [{ name: 'fleet', size: 40 }] });
    await s.project.setConfig('koophone:maxOrderAmount', '10000');
    await s.control.resetCounters();
    for (const args of [['preview'], ['up', '--yes', '--skip-preview']]) {
      const r = await s.project.pulumi(args, { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(said(r)).toContain(
        'fleet would order 40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month) for CNY 11,960.00 at list price, ' +
          'over the limit koophone:maxOrderAmount = CNY 10,000.00',
      );
    }
    expect(await creates()).toBe(0);

    await s.project.pulumi(['config', 'rm', 'koophone:maxOrderAmount']);
    await s.project.setConfig('koophone:maxPhonesPerUpdate', '50');
    await s.declare({
      groups: [
        { name: 'fleet', size: 30 },
        { name: 'more', size: 30 },
      ],
    });
    for (const args of [['preview'], ['up', '--yes', '--skip-preview']]) {
      const r = await s.project.pulumi(args, { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(said(r)).toMatch(
        /(fleet|more) would buy 30 phones \(60 in this deployment with the other resources\), over the limit koophone:maxPhonesPerUpdate = 50/,
      );
    }
    expect(await creates()).toBe(0);
    expect(await s.control.yearlyMonthlyPhones()).toEqual([]);
  });

  test('--skip-preview with one valid phone and one not sold (bandSize 5): 5 runs, 0 purchases', async () => {
    s = await createKooPhoneStack();
    await s.declare({ phones: [{ name: 'good' }, { name: 'bad', bandSize: 5 }] });
    await s.control.resetCounters();
    const purchases: number[] = [];
    for (let run = 0; run < 5; run++) {
      const r = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(said(r)).toMatch(/5 Mbit\/s is not sold with kp\.professional\.xlarge\.32g\.2/);
      purchases.push((await s.control.yearlyMonthlyPhones()).length);
    }
    expect(purchases).toEqual([0, 0, 0, 0, 0]);
    expect(await creates()).toBe(0);
  });

  test('a lost create answer, then failing listings: the error says what was bought, where it is and what to run', async () => {
    s = await createKooPhoneStack({ env: { KOOPHONE_ORDER_LOOKUP_SECONDS: '3' } });
    await s.declare({ phones: [{ name: 'lost' }] });
    // The window is timing-dependent (which listing fails first), so it is run several times.
    for (let run = 0; run < 3; run++) {
      await s.control.injectFault({ endpoint: 'batch-query', latencyMs: 1, count: 1 });
      await s.control.injectFault({ endpoint: 'create', dropAfterCommit: true, count: 1 });
      await s.control.injectFault({ endpoint: 'batch-query', status: 503, count: 10_000 });
      const failed = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
      expect(failed.code).not.toBe(0);
      expect(said(failed)).toMatch(/a phone named "lost-[a-z0-9]{5}-\*" may have been bought/);
      expect(said(failed)).toMatch(/recorded in the stack as "[^"]+": run `pulumi up` again .*\(or `pulumi destroy`/);
      expect(await s.control.yearlyMonthlyPhones()).toHaveLength(1);
      expect(managedResources(await s.exportStack())).toHaveLength(1);

      await s.control.clearFaults();
      await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
      expect(await s.control.yearlyMonthlyPhones()).toEqual([]);
    }
  });
});
