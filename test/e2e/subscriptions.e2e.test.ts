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
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    expect(managedResources(await s.exportStack()).filter((r) => r.type === 'koophone:index:Instance')).toEqual([]);
  });
});
