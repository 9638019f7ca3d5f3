import { KooPhoneClient } from '../../client';
import { DEMO_CREDENTIALS, EmulatorHarness } from '../../../emulator/testing/emulator-harness';
import { instanceInputsSchema, type InstanceOutputs } from '../../schemas/resources/instance';
import { applyChargeChange, expirePolicyDrifted, readSubscription } from './instance-billing';
import { setLogSink } from '../core/progress';
import { renewIfDue, renewalDue, renewalPlan, renewalPlanned } from './renewal';
import { subscriptionLookup } from './subscription-lookup';
import { subscriptionReport } from '../../common/subscription-report';

const DAY_S = 86_400;
const inputs = instanceInputsSchema.parse({
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
  renewBeforeDays: 7,
  resourceUrn: 'urn:x',
});

describe('declared renewals (renewBeforeDays), expirePolicy and the subscription report', () => {
  let emu: EmulatorHarness;
  let client: KooPhoneClient;
  let ids: string[];
  const warnings: string[] = [];
  const look = (id: string) => () => readSubscription(client, id);
  const counters = async () => (await emu.control('GET', '/counters')).counters as Record<string, number>;
  const sub = (id: string) => emu.control('GET', `/subscriptions/${id}`);

  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    client = new KooPhoneClient({
      endpoint: emu.url,
      billingEndpoint: emu.url,
      auth: { kind: 'password', ...DEMO_CREDENTIALS },
      retryBaseMs: 1,
    });
    setLogSink(({ severity, message }) => severity === 'warning' && warnings.push(message));
  });
  beforeEach(async () => {
    warnings.length = 0;
    await emu.control('POST', '/reset');
    ids = await emu.seedInstances([{ instanceName: 'r-00001' }, { instanceName: 's-00001' }]);
    await emu.control('DELETE', '/counters');
  });
  afterAll(async () => {
    setLogSink(undefined);
    await client.close();
    await emu.close();
  });

  it('the window: due within renewBeforeDays (and once expired), never without it', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(renewalDue('2025-01-04T00:00:00Z', 7, now)).toBe(true);
    expect(renewalDue('2024-12-30T00:00:00Z', 7, now)).toBe(true);
    expect(renewalDue('2025-01-09T00:00:00Z', 7, now)).toBe(false);
    expect(renewalDue('2025-01-04T00:00:00Z', undefined, now)).toBe(false);
    expect(renewalPlan(12, { periodType: 'month', periodNum: 1 }, 'x')).toBe('will renew 12 phones for 1 month (x)');
  });

  it('a phone 3 days from expiry is renewed once by its period; the next look finds nothing due', async () => {
    const [id] = ids;
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 3 * DAY_S });
    expect(await renewalPlanned(id, inputs, () => subscriptionLookup(client).get(id))).toBe(true);
    expect(warnings).toEqual([
      expect.stringMatching(/^will renew 1 phone for 1 month \(phone \w+ expires .*within renewBeforeDays: 7/),
    ]);
    expect((await renewIfDue(client, id, inputs, look(id), 1)).kind).toBe('renewed');
    expect((await renewIfDue(client, id, inputs, look(id), 1)).kind).toBe('not-due');
    expect((await counters())['bss-renew']).toBe(1);
    expect((await sub(id)).renewals).toBe(1);
  });

  it('a lost renewal answer is not re-sent: the moved expiry counts as done', async () => {
    const [id] = ids;
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 3 * DAY_S });
    await emu.control('POST', '/faults', { endpoint: 'bss-renew', dropAfterCommit: true, count: 1 });
    expect((await renewIfDue(client, id, inputs, look(id), 1)).kind).toBe('renewed-answer-lost');
    expect((await counters())['bss-renew']).toBe(1);
    expect((await sub(id)).renewals).toBe(1);
  });

  it('an unknown outcome with the expiry unmoved fails without sending again', async () => {
    const [id] = ids;
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 3 * DAY_S });
    await emu.control('POST', '/faults', { endpoint: 'bss-renew', status: 500, errorCode: 'CBC.0999', count: 5 });
    await expect(renewIfDue(client, id, inputs, look(id), 1)).rejects.toThrow(
      /was not sent again.*looks at the expiry again/,
    );
    expect((await counters())['bss-renew']).toBe(1);
    expect((await sub(id)).renewals).toBe(0);
  });

  it('expirePolicy toPayPerUse and back, in place; a Billing Center change is drift', async () => {
    const [id] = ids;
    const olds = { ...inputs, instanceId: id, autoRenew: false, expiryAction: 'release' } as InstanceOutputs;
    await applyChargeChange(client, id, olds, { ...inputs, expirePolicy: 'toPayPerUse' });
    expect((await sub(id)).payPerUseAtExpiry).toBe(true);
    const reported = await readSubscription(client, id);
    expect(reported?.expiryAction).toBe('toPayPerUse');
    expect(expirePolicyDrifted({ ...olds, ...reported }, { ...inputs, expirePolicy: 'release' })).toBe(true);
    await applyChargeChange(client, id, { ...olds, ...reported }, { ...inputs, expirePolicy: 'release' });
    expect((await sub(id)).payPerUseAtExpiry).toBe(false);
    expect((await counters())['bss-to-on-demand']).toBe(2);
  });

  it('looks asked for together share one billing query; the report lists expiring phones soonest first', async () => {
    await emu.control('POST', `/subscriptions/${ids[1]}`, { expireInSeconds: 2 * DAY_S });
    const [a, b] = await Promise.all(ids.map((id) => subscriptionLookup(client).get(id)));
    expect([a?.subscriptionStatus, b?.subscriptionStatus]).toEqual(['active', 'active']);
    expect((await counters())['bss-query']).toBe(1);
    const all = await subscriptionReport(client, {});
    expect(all.subscriptions.map((s) => s.instanceId)).toEqual([ids[1], ids[0]]);
    const expiring = await subscriptionReport(client, { expiringWithinDays: 7 });
    expect(expiring.subscriptions).toEqual([
      expect.objectContaining({ instanceId: ids[1], daysLeft: 1, expiryAction: 'release', autoRenew: false }),
    ]);
    expect(
      (await subscriptionReport(client, { instanceIds: [ids[0]] })).subscriptions.map((s) => s.instanceId),
    ).toEqual([ids[0]]);
  });
});
