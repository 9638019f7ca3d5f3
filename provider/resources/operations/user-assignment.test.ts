import { DEMO_USERS } from '../../../emulator';
import { KooPhoneApiError } from '../../client';
import { userAssignmentProvider as provider } from './user-assignment';
import { startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

/** UserAssignment against the emulator over HTTP: fleet-sized creates and deletes of one step share their calls. */
describe('UserAssignment against the emulator', () => {
  let emu: EmulatorRuntime;
  const [alice, bob] = DEMO_USERS.map((u) => u.userId);
  const phones = Array.from({ length: 250 }, (_, i) => `ua${String(i).padStart(3, '0')}`);
  const assignedTo = async (user: string) =>
    (
      await emu.control<{ instances: { instanceId: string; assignUser: string | null }[] }>('GET', '/instances')
    ).instances
      .filter((i) => i.assignUser === user)
      .map((i) => i.instanceId);

  beforeAll(async () => {
    emu = await startEmulatorRuntime({ dataDir: null });
    await emu.control('POST', '/seed', {
      instances: [
        ...phones.map((instanceId) => ({ instanceId, instanceName: instanceId, runningStatus: 2 })),
        { instanceId: 'bobs', instanceName: 'bobs', runningStatus: 2, assignUser: bob },
      ],
    });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('250 assignments created together take 3 assign calls, and deleted together 3 unassign calls', async () => {
    const props = phones.map((instanceId) => ({ instanceId, userId: alice }));
    await emu.resetCounters();
    await Promise.all(props.map((p) => provider.create(p)));
    expect((await emu.counters()).assign).toBe(3);
    expect((await assignedTo(alice)).sort()).toEqual(phones);

    await emu.resetCounters();
    await Promise.all(props.map((p) => provider.delete!(`${p.instanceId}/${alice}`, { ...p, assignStatus: 1 })));
    const after = await emu.counters();
    expect([after.unassign, after['batch-query'] ?? 0]).toEqual([3, 0]);
    expect(await assignedTo(alice)).toEqual([]);
  });

  it("a pair the API refuses fails only its own resource, with the API's code, reason and request id", async () => {
    await emu.resetCounters();
    const results = await Promise.allSettled(
      [phones[0], 'bobs', phones[1]].map((instanceId) => provider.create({ instanceId, userId: alice })),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason as KooPhoneApiError;
    expect(reason).toBeInstanceOf(KooPhoneApiError);
    expect(reason.code).toBe('KPAPI.2209');
    expect(reason.apiMessage).toContain('instance bobs is already assigned');
    expect(reason.message).toContain(reason.requestId);
    // One call refused as a whole (the emulator applies none of it), then one call per pair.
    expect((await emu.counters()).assign).toBe(4);
    expect((await assignedTo(alice)).sort()).toEqual([phones[0], phones[1]]);
    expect(await assignedTo(bob)).toEqual(['bobs']);
  });
});
