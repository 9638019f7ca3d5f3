import { isDeepStrictEqual } from 'node:util';
import { DEMO_USERS } from '../../emulator';
import { createKooPhoneStack, managedResources, type KooPhoneStack } from './support/koophone-stack';

/** The calls that spend money: an order, a renewal. */
const BUYING_OPS = ['create', 'bss-renew'] as const;

interface PreviewStep {
  op: string;
  urn: string;
}

/** The state's secret envelope: its ciphertext changes on every write, so two reads of one secret differ. */
const SECRET_SIG = '4dabf18193072939515e22adb298388d';
const withoutSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  if (SECRET_SIG in value) return '[secret]';
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
};

/** What a preview would change, by resource name. */
const changedSteps = (steps: readonly PreviewStep[]) =>
  steps.filter((step) => step.op !== 'same').map((step) => `${step.op} ${step.urn.split('::').pop()}`);

/**
 * Day-2 fleets through the real engine and emulator, on one stack (fixtures/day2-program): phones bought in the
 * console adopted into a group, an install, a command and a reboot on the same phones without dependsOn, and a drift
 * preview that points at the one assignment that drifted.
 */
describe('day-2 fleets', () => {
  let s: KooPhoneStack;
  const [alice, bob, carol] = DEMO_USERS.map((u) => u.userId);
  // --plaintext: the CLI would take some JSON values (long user ids) for secrets.
  const setJson = (key: string, value: unknown) =>
    s.project.pulumi(['config', 'set', '--plaintext', key, JSON.stringify(value)]);
  const fleetIds = async () => (await s.project.outputs()).fleetIds as string[];
  const up = async () => {
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    return s.control.counters();
  };
  const seed = async (phones: Record<string, unknown>[]) =>
    (
      await s.control.call<{ instances: { instanceId: string }[] }>('POST', '/_emulator/seed', {
        instances: phones.map((p, i) => ({ instanceName: `console-${String(i + 1).padStart(5, '0')}`, ...p })),
      })
    ).instances.map((i) => i.instanceId);
  const bought = (counters: Record<string, number>) => BUYING_OPS.map((op) => counters[op] ?? 0);

  beforeAll(async () => {
    s = await createKooPhoneStack({ program: 'day2-program' });
  });
  afterAll(async () => {
    await s?.dispose();
  });

  let existing: string[];

  test('adopting a phone of another SKU or region is refused at preview, naming the phone and the field, with no call that buys', async () => {
    existing = await seed(
      Array.from({ length: 20 }, () => ({ instanceSkuId: 'kp.professional.xlarge.32g.2', regionId: 'cn-north-4' })),
    );
    const [otherSku, otherRegion] = await seed([
      { instanceSkuId: 'kp.enterprise.2xlarge.128g.2', regionId: 'cn-north-4' },
      { instanceSkuId: 'kp.professional.xlarge.32g.2', regionId: 'cn-north-7' },
    ]);
    await setJson('fleet', { size: 25, adopt: [...existing.slice(0, 18), otherSku, otherRegion] });
    await s.control.resetCounters();
    const preview = await s.project.pulumi(['preview'], { allowFailure: true });
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain(`phone ${otherSku}: instanceSkuId: the phone is "Enterprise`);
    expect(output).toContain(`phone ${otherRegion}: regionId: the phone is in "cn-north-7"`);
    expect(bought(await s.control.counters())).toEqual([0, 0]);
  });

  test('a group of 25 adopting 20 phones buys 5 in one order; the 20 hold slots 0-19; a second preview has no changes', async () => {
    await setJson('fleet', { size: 25, adopt: existing });
    const counters = await up();
    expect(counters.create).toBe(1);
    const ids = await fleetIds();
    expect(ids).toHaveLength(25);
    expect(ids.slice(0, 20)).toEqual(existing);
    const bought = (await s.control.yearlyMonthlyPhones()).filter((p) => ids.slice(20).includes(p.instanceId));
    expect(bought).toHaveLength(5);
    expect((await s.project.outputs()).statuses).toEqual(Array(25).fill('running'));
    await s.project.pulumi(['preview', '--expect-no-changes']);
  });

  test('install, command and reboot on the same 5 phones without dependsOn: 3 ups, every one succeeds', async () => {
    const slots = [0, 1, 2, 3, 4];
    for (const round of [1, 2, 3]) {
      await setJson('ops', { slots, round: `r${round}`, version: `1.0.${round}` });
      const counters = await up();
      // Each round really ran all three: one install, one command and one reboot call for the 5 phones.
      expect([counters['app-install'], counters['sync-command'], counters.reboot]).toEqual([1, 1, 1]);
    }
    const ids = (await fleetIds()).slice(0, 5);
    const phones = (await s.control.phones()).filter((p) => ids.includes(p.instanceId));
    expect(phones.map((p) => p.runningStatus)).toEqual([2, 2, 2, 2, 2]);
  });

  test("after slot 0's user is unassigned in the console, a refresh changes slot 0's assignment only, and the plan assigns it again", async () => {
    await setJson('assignments', [
      { slot: 0, user: alice },
      { slot: 1, user: bob },
      { slot: 2, user: carol },
    ]);
    await up();
    const [slot0] = await fleetIds();
    const outputsByName = async () =>
      new Map(managedResources(await s.exportStack()).map((r) => [r.urn.split('::').pop(), r.outputs]));
    const before = await outputsByName();
    await s.control.mutate(slot0, { action: 'unassign' });
    // What `preview --refresh` shows as drift is what the refresh reads differently from the state.
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    const after = await outputsByName();
    const drifted = [...before.keys()].filter(
      (name) => !isDeepStrictEqual(withoutSecrets(before.get(name)), withoutSecrets(after.get(name))),
    );
    expect(drifted).toEqual(['user-0']);
    const preview = await s.project.pulumi(['preview', '--json']);
    const steps = (JSON.parse(preview.stdout) as { steps?: PreviewStep[] }).steps ?? [];
    expect(changedSteps(steps)).toEqual(['create user-0']);
  });
});
