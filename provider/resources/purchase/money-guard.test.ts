import { instanceGroupProvider } from '../group/instance-group';
import { setLogSink, type LogSink } from '../core/progress';
import { clearToBuy, gatedCheck, PurchaseRefusedError } from './purchase-gate';
import { configureRuntimeFor, startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

/** Costs, budgets and the purchase gate as `check()` runs them, against the emulator's price table. */
describe('money guard', () => {
  let t: EmulatorRuntime;
  const entries: Parameters<LogSink>[0][] = [];
  const urn = (name: string) => `urn:pulumi:e2e::p::koophone:index:InstanceGroup::${name}`;
  const group = (name: string, size: number) => ({
    size,
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
    createKey: 'abcde',
    resourceUrn: urn(name),
  });
  /** Points the runtime at the emulator with extra `koophone:*` keys (budgets). */
  const configure = (extra: Record<string, string> = {}) => configureRuntimeFor(t.emulator.url, extra);
  // The engine passes inputs as they are registered; the check fills defaults (charge) itself.
  const check = (news: ReturnType<typeof group>, olds: object = {}) =>
    instanceGroupProvider.check!(olds as never, news as never);
  const reasons = (r: { failures?: { reason: string }[] }) => (r.failures ?? []).map((f) => f.reason).join('\n');

  beforeAll(async () => {
    t = await startEmulatorRuntime();
    setLogSink((e) => entries.push(e));
  });
  beforeEach(() => {
    entries.length = 0;
    configure();
  });
  afterAll(async () => {
    setLogSink(undefined);
    await t.close();
  });

  it('says what a new group and a scale-up cost beside the resource, at the emulator list price', async () => {
    const created = await check(group('fleet', 40));
    expect(created.failures ?? []).toEqual([]);
    // Old inputs are the checked ones (defaults filled in).
    expect((await check(group('fleet', 45), created.inputs)).failures ?? []).toEqual([]);
    expect(entries.filter((e) => e.severity === 'info').map((e) => [e.urn, e.message])).toEqual([
      [
        urn('fleet'),
        'will buy 40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month): CNY 11,960.00 at list price',
      ],
      [
        urn('fleet'),
        'will buy 5 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month): CNY 1,495.00 at list price',
      ],
    ]);
  });

  it('maxOrderAmount refuses an order over it, naming the resource, the amount and the limit', async () => {
    configure({ maxOrderAmount: '10000' });
    await t.resetCounters();
    expect(reasons(await check(group('fleet', 40)))).toContain(
      'fleet would order 40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month) for CNY 11,960.00 at list price, ' +
        'over the limit koophone:maxOrderAmount = CNY 10,000.00. Nothing was bought',
    );
    expect((await check(group('small', 30))).failures ?? []).toEqual([]);
    expect((await t.counters()).create ?? 0).toBe(0);
  });

  it('maxPhonesPerUpdate counts every resource of the deployment together', async () => {
    configure({ maxPhonesPerUpdate: '50' });
    expect((await check(group('a', 30))).failures ?? []).toEqual([]);
    expect(reasons(await check(group('b', 30)))).toContain(
      'b would buy 30 phones (60 in this deployment with the other resources), over the limit koophone:maxPhonesPerUpdate = 50',
    );
  });

  it('an unreadable price is a warning without a budget, and a failure with one', async () => {
    await t.control('POST', '/faults', { endpoint: 'bss-rate', status: 400, errorCode: 'CBC.0151', count: 2 });
    expect((await check(group('fleet', 2))).failures ?? []).toEqual([]);
    expect(entries.find((e) => e.severity === 'warning')?.message).toMatch(/could not read the price of 2 phones/);
    configure({ maxOrderAmount: '10000' });
    expect(reasons(await check(group('fleet', 2)))).toMatch(/could not read the price .* koophone:maxOrderAmount/);
  });

  it('a purchase waits for the checks and refuses while one failed; it passes when none did', async () => {
    const failing = gatedCheck(async () => ({ failures: [{ property: 'bandSize', reason: 'not sold' }] }));
    const passing = gatedCheck(async () => ({ inputs: {} }));
    await passing({}, { resourceUrn: urn('good') });
    await clearToBuy('a phone', 10);
    await failing({}, { resourceUrn: urn('bad') });
    await expect(clearToBuy('a phone named "good-abcde-*"', 10)).rejects.toThrow(PurchaseRefusedError);
    await expect(clearToBuy('a phone', 10)).rejects.toThrow(
      /a phone was not bought: bad failed its check in this deployment \(bandSize: not sold\)/,
    );
  });
});
