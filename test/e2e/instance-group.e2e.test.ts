import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEMO_USERS } from '../../emulator';
import type { PulumiCallOptions } from './harness/pulumi-project';
import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';

/**
 * InstanceGroup through the real engine, one stack from create to destroy: one order per growth, stable slots,
 * a lost member re-bought into its slot, billing changes that keep every phone, scale-down from the highest slot.
 */
describe('InstanceGroup', () => {
  let s: KooPhoneStack;
  const [alice, bob, carol] = DEMO_USERS.map((u) => u.userId);
  const yearlyMonthly = () => s.control.yearlyMonthlyPhones();
  const fleetIds = async () => ((await s.project.outputs()).groupIds as Record<string, string[]>).fleet;
  // --plaintext: the CLI takes some of these JSON values (long user ids) for secrets.
  const setJson = (key: string, value: unknown) =>
    s.project.pulumi(['config', 'set', '--plaintext', key, JSON.stringify(value)]);
  const declareFleet = (fleet: { size: number; autoRenew?: boolean }) =>
    setJson('groups', [{ name: 'fleet', ...fleet }]);
  const up = async (args: string[] = [], opts: PulumiCallOptions = {}) => {
    await s.control.resetCounters();
    const result = await s.project.pulumi(['up', '--yes', '--skip-preview', ...args], opts);
    return { ...result, counters: await s.control.counters() };
  };
  /** The engine's diagnostic events of one run (`--event-log`, a debug flag), as the display would get them. */
  const diagnostics = async (file: string) =>
    (await fs.readFile(file, 'utf8'))
      .split('\n')
      .filter((line) => line.trim())
      .map(
        (line) =>
          (JSON.parse(line) as { diagnosticEvent?: { urn?: string; message: string; ephemeral?: boolean } })
            .diagnosticEvent,
      )
      .filter((e) => e !== undefined);

  beforeAll(async () => {
    s = await createKooPhoneStack();
  });
  afterAll(async () => {
    await s?.dispose();
  });

  test('a group of 5 is one order, even when its answer is lost; progress shows beside the group; slots 0-2 are assigned in one call', async () => {
    await declareFleet({ size: 5 });
    await setJson('groupAssignments', [
      { name: 'bob-slot0', group: 'fleet', slot: 0, user: bob },
      { name: 'alice-slot1', group: 'fleet', slot: 1, user: alice },
      { name: 'carol-slot2', group: 'fleet', slot: 2, user: carol },
    ]);
    // The order goes through and the connection drops before the answer: found by its name, not bought again.
    await s.control.injectFault({ endpoint: 'create', dropAfterCommit: true, count: 1 });
    const eventLog = path.join(s.project.dir, 'events.jsonl');
    const { counters } = await up(['--event-log', eventLog], { env: { PULUMI_DEBUG_COMMANDS: 'true' } });
    // The three assignments become ready together (when the group's ids are known): one assign call of 3 pairs.
    expect([counters.create, counters.assign]).toEqual([1, 1]);
    const statuses = (await diagnostics(eventLog)).filter(
      (e) => e.ephemeral && e.urn?.endsWith('koophone:InstanceGroup::fleet'),
    );
    expect(statuses.map((e) => e.message.trim())).toContain('phones running: 5/5');
    const ids = await fleetIds();
    expect(ids).toHaveLength(5);
    const phones = await yearlyMonthly();
    expect(phones.map((p) => p.instanceId).sort()).toEqual([...ids].sort());
    expect(ids.slice(0, 3).map((id) => phones.find((p) => p.instanceId === id)?.assignUser)).toEqual([
      bob,
      alice,
      carol,
    ]);
    await s.project.pulumi(['preview', '--expect-no-changes']);
  });

  test('growing to 7 places one more order and keeps slots 0-4', async () => {
    const before = await fleetIds();
    await declareFleet({ size: 7 });
    const { counters } = await up();
    expect([counters.create, counters.delete]).toEqual([1, 0]);
    const after = await fleetIds();
    expect(after).toHaveLength(7);
    expect(after.slice(0, 5)).toEqual(before);
    expect(await yearlyMonthly()).toHaveLength(7);
  });

  test('a member deleted out of band shows as drift, and up re-buys it into the same slot with one order', async () => {
    const before = await fleetIds();
    await s.control.mutate(before[3], { action: 'delete' });
    await s.control.resetCounters();
    const drift = await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true });
    expect(drift.code).not.toBe(0);
    // The refresh of the group (and of the assignment) shares one listing of the account: one page for 7 phones.
    const refreshed = await s.control.counters();
    expect([refreshed['batch-query'], refreshed.create, refreshed.delete]).toEqual([1, 0, 0]);
    const { counters } = await up(['--refresh']);
    expect([counters.create, counters.delete]).toEqual([1, 0]);
    const after = await fleetIds();
    expect(after[3]).not.toBe(before[3]);
    expect(after.filter((_, slot) => slot !== 3)).toEqual(before.filter((_, slot) => slot !== 3));
    expect((await yearlyMonthly()).map((p) => p.instanceId).sort()).toEqual([...after].sort());
  });

  test("turning on autoRenew changes every member's subscription in place: 0 creates, 0 deletes", async () => {
    const before = await fleetIds();
    await declareFleet({ size: 7, autoRenew: true });
    const { counters } = await up();
    expect([counters.create, counters.delete, counters['bss-autorenew-on']]).toEqual([0, 0, 7]);
    expect(await fleetIds()).toEqual(before);
    const renewing = await Promise.all(
      before.map((id) => s.control.call<{ autoRenew: boolean }>('GET', `/_emulator/subscriptions/${id}`)),
    );
    expect(renewing.every((sub) => sub.autoRenew)).toBe(true);
  });

  test('shrinking to 3 unsubscribes the highest slots in one delete call; the assigned slot keeps its phone and user', async () => {
    const before = await fleetIds();
    await declareFleet({ size: 3, autoRenew: true });
    const { counters } = await up();
    expect([counters.create, counters.delete]).toEqual([0, 1]);
    expect(await fleetIds()).toEqual(before.slice(0, 3));
    // Unsubscribed phones go offline (running status 3) before the API releases them.
    const phones = await yearlyMonthly();
    const live = phones.filter((p) => p.runningStatus !== 3);
    expect(live.map((p) => p.instanceId).sort()).toEqual(before.slice(0, 3).sort());
    expect(phones.filter((p) => before.slice(3).includes(p.instanceId)).every((p) => p.runningStatus === 3)).toBe(true);
    expect(live.find((p) => p.instanceId === before[1])?.assignUser).toBe(alice);
  });

  test('an up killed after a growth order does not buy twice: the next up takes the phones into the group', async () => {
    const before = await fleetIds();
    const live = async () => (await yearlyMonthly()).filter((p) => p.runningStatus !== 3);
    await s.control.call('PUT', '/_emulator/settings', { provisionSeconds: 3600 });
    await declareFleet({ size: 6, autoRenew: true });
    // SIGKILL the whole CLI tree as soon as the order is placed: the phones are bought, the stack never hears of them.
    const ordered = (async () => {
      while ((await live()).length < 6) await new Promise((r) => setTimeout(r, 100));
    })();
    const killed = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true, killWhen: ordered });
    expect(killed.code).not.toBe(0);
    expect(await fleetIds()).toEqual(before);
    await s.project.pulumi(['cancel', '--yes']);
    await s.control.call('POST', '/_emulator/clock', { advanceSeconds: 3600 });
    await s.control.call('PUT', '/_emulator/settings', { provisionSeconds: 2 });

    const { counters } = await up();
    expect([counters.create, counters.delete]).toEqual([0, 0]);
    const after = await fleetIds();
    expect(after.slice(0, 3)).toEqual(before);
    expect((await live()).map((p) => p.instanceId).sort()).toEqual([...after].sort());
  });

  test('destroy leaves no phone', async () => {
    await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
    expect(await yearlyMonthly()).toEqual([]);
  });
});
