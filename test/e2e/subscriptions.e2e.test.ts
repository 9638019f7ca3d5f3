import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';

/**
 * Subscriptions as code through the real engine (docs/api/billing.md): a phone's auto-renew flag changes on the
 * existing subscription (never a new phone), and a change made in the Billing Center shows as drift that `up` repairs.
 * One shared stack, a few runs.
 */
interface Subscription {
  autoRenew: boolean;
  renewals: number;
  status: number;
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
    expect((await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true })).code).toBe(0);
  });
});
