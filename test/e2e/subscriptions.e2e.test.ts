import { createKooPhoneStack, managedResources, type KooPhoneStack } from './support/koophone-stack';

/**
 * Subscriptions as code through the real engine (docs/api/billing.md): a phone's auto-renew flag changes on the
 * existing subscription (never a new phone), and a change made in the Billing Center shows as drift that `up` repairs;
 * a declared renewal is paid exactly once, also when its answer is lost; an unrenewed phone is frozen, then released.
 * One shared stack, a few runs, in order.
 */
const DAY_S = 86_400;
interface Subscription {
  autoRenew: boolean;
  renewals: number;
  status: number;
  expireTime: string;
}

describe('subscriptions', () => {
  let s: KooPhoneStack;
  let id: string;
  const subscription = () => s.control.call<Subscription>('GET', `/_emulator/subscriptions/${id}`);

  beforeAll(async () => {
    s = await createKooPhoneStack();
    await s.declare({ phones: [{ name: 'a' }] });
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    id = (await s.phoneIds()).a;
  });
  afterAll(async () => {
    await s?.dispose();
  });

  test('turning charge.autoRenew on changes the billing record in place: 0 creates, 0 deletes', async () => {
    expect((await subscription()).autoRenew).toBe(false);
    await s.control.resetCounters();
    await s.declare({ phones: [{ name: 'a', autoRenew: true }] });
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    expect([counters.create, counters.delete, counters['bss-autorenew-on']]).toEqual([0, 0, 1]);
    expect((await s.phoneIds()).a).toBe(id);
    expect((await subscription()).autoRenew).toBe(true);
  });

  test('a Billing Center change fails `preview --refresh --expect-no-changes`; `up` sets it back without a new phone', async () => {
    await s.control.call('POST', `/_emulator/subscriptions/${id}`, { autoRenew: false });
    const preview = await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--refresh', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    expect([counters.create, counters.delete, counters['bss-autorenew-on']]).toEqual([0, 0, 1]);
    expect((await subscription()).autoRenew).toBe(true);
    expect((await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true })).code).toBe(
      0,
    );
  });

  test('a phone 3 days from expiry with renewBeforeDays: 7 — preview says so, `up` renews it once by its period', async () => {
    // Auto-renew off in the Billing Center first: with it on, the billing system itself renews inside 7 days.
    await s.control.call('POST', `/_emulator/subscriptions/${id}`, { autoRenew: false, expireInSeconds: 3 * DAY_S });
    await s.declare({ phones: [{ name: 'a', autoRenew: false, renewBeforeDays: 7 }] });
    const preview = await s.project.pulumi(['preview']); // no refresh: the plan looks at the live expiry itself
    expect(preview.stdout + preview.stderr).toContain('will renew 1 phone for 1 month');
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    expect([counters.create, counters.delete, counters['bss-renew']]).toEqual([0, 0, 1]);
    const after = await subscription();
    expect(after.renewals).toBe(1);
    expect(Date.parse(after.expireTime) - Date.now()).toBeGreaterThan(7 * DAY_S * 1000);
  });

  test('a renewal whose answer is lost is looked up, not sent again: still exactly one renewal', async () => {
    await s.control.call('POST', `/_emulator/subscriptions/${id}`, { expireInSeconds: 3 * DAY_S });
    await s.control.injectFault({ endpoint: 'bss-renew', dropAfterCommit: true });
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect((await s.control.counters())['bss-renew']).toBe(1);
    expect((await subscription()).renewals).toBe(2);
  });

  test('getSubscriptions lists expiring phones; unrenewed, the phone is frozen, then released, and refresh drops it', async () => {
    await s.control.call('POST', `/_emulator/subscriptions/${id}`, { expireInSeconds: 2 * DAY_S });
    await s.declare({ phones: [{ name: 'a', autoRenew: false }] });
    await s.project.setConfig('expiringWithinDays', '7');
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect((await s.project.outputs()).expiring).toEqual([id]);
    expect((await subscription()).renewals).toBe(2);

    await s.control.call('POST', '/_emulator/clock', { advanceSeconds: 3 * DAY_S });
    expect((await subscription()).status).toBe(4); // frozen at expiry
    await s.control.call('POST', '/_emulator/clock', { advanceSeconds: 16 * DAY_S }); // past the 15-day grace period
    expect((await s.control.phones()).map((p) => p.instanceId)).not.toContain(id);
    const phoneA = async () =>
      managedResources(await s.exportStack()).filter((r) => r.urn.endsWith('koophone:Instance::a'));
    expect(await phoneA()).toHaveLength(1); // still in state until a refresh reads it gone
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    expect(await phoneA()).toEqual([]);
  });
});

/**
 * The same for an InstanceGroup's members, on a stack of its own (the Instance tests above move the clock past a
 * release): members read by their order, a Billing Center change repaired on that member only, and a declared
 * renewal of every due member in one call of ≤ 10 ids, paid once.
 */
describe('InstanceGroup subscriptions', () => {
  let s: KooPhoneStack;
  let ids: string[];
  const subscription = (id: string) => s.control.call<Subscription>('GET', `/_emulator/subscriptions/${id}`);
  const declareFleet = (fleet: { renewBeforeDays?: number }) =>
    s.project.setConfig('groups', JSON.stringify([{ name: 'fleet', size: 3, ...fleet }]));
  const up = async (args: string[] = []) => {
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview', ...args]);
    return s.control.counters();
  };

  beforeAll(async () => {
    s = await createKooPhoneStack();
    await declareFleet({});
    await up();
    ids = ((await s.project.outputs()).groupIds as Record<string, string[]>).fleet;
  });
  afterAll(async () => {
    await s?.dispose();
  });

  test("a member's auto-renew turned on in the Billing Center is drift; `up` turns it off on that member only", async () => {
    expect(ids).toHaveLength(3);
    await s.control.call('POST', `/_emulator/subscriptions/${ids[1]}`, { autoRenew: true });
    const preview = await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    const counters = await up(['--refresh']);
    expect([
      counters.create,
      counters.delete,
      counters['bss-autorenew-off'] ?? 0,
      counters['bss-autorenew-on'] ?? 0,
    ]).toEqual([0, 0, 1, 0]);
    expect((await Promise.all(ids.map(subscription))).map((sub) => sub.autoRenew)).toEqual([false, false, false]);
  });

  test('3 members 3 days from expiry with renewBeforeDays: 7 — preview says so, `up` renews them in 1 call, the next `up` renews nothing; state shows each expiry', async () => {
    for (const id of ids)
      await s.control.call('POST', `/_emulator/subscriptions/${id}`, { expireInSeconds: 3 * DAY_S });
    await declareFleet({ renewBeforeDays: 7 });
    const preview = await s.project.pulumi(['preview']); // no refresh: the plan looks at the live expiries itself
    expect(preview.stdout + preview.stderr).toContain('will renew 3 phones for 1 month');
    const first = await up();
    expect([first.create, first.delete, first['bss-renew']]).toEqual([0, 0, 1]);
    const renewed = await Promise.all(ids.map(subscription));
    expect(renewed.map((sub) => sub.renewals)).toEqual([1, 1, 1]);
    expect(renewed.every((sub) => Date.parse(sub.expireTime) - Date.now() > 7 * DAY_S * 1000)).toBe(true);

    const second = await up(['--refresh']);
    expect(second['bss-renew'] ?? 0).toBe(0);
    const group = managedResources(await s.exportStack()).find((r) => r.urn.endsWith('koophone:InstanceGroup::fleet'));
    // The billing API reports whole seconds; the control plane milliseconds.
    const seconds = (time: string | undefined) => Math.floor(Date.parse(time ?? '') / 1000);
    const members = group?.outputs?.instances as { expireTime?: string }[];
    expect(members.map((m) => seconds(m.expireTime))).toEqual(renewed.map((sub) => seconds(sub.expireTime)));
    const earliest = Math.min(...renewed.map((sub) => seconds(sub.expireTime)));
    expect(seconds(group?.outputs?.earliestExpireTime as string)).toBe(earliest);
  });
});
