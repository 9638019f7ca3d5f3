import { phoneCommandInputsSchema } from '../../schemas/resources/phone-command';
import { phoneRebootInputsSchema, phoneResetInputsSchema } from '../../schemas/resources/phone-power';
import { phoneCommandProvider } from './phone-command';
import { phoneRebootProvider, phoneResetProvider } from './phone-power';
import { PartialStateError } from '../core/partial-state';
import { startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

process.env.KOOPHONE_POLL_INTERVAL_MS = '20';

describe('PhoneCommand, PhoneReboot and PhoneReset against the emulator', () => {
  let emulator: EmulatorRuntime;
  const phones = ['pc01', 'pc02', 'pc03'];
  const control = <T>(method: string, route: string, body?: unknown) => emulator.control<T>(method, route, body);
  const counters = () => emulator.counters();

  beforeAll(async () => {
    emulator = await startEmulatorRuntime({ taskSeconds: 0.2, provisionSeconds: 0.2 });
    await control('POST', '/seed', {
      instances: phones.map((instanceId, i) => ({ instanceId, instanceName: `cmd-0000${i + 1}`, runningStatus: 2 })),
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('runs a command sync and async with per-phone output', async () => {
    for (const async of [false, true]) {
      const outs = (
        await phoneCommandProvider.create(
          phoneCommandInputsSchema.parse({ instanceIds: phones, command: 'getprop ro.product.model', async }),
        )
      ).outs!;
      expect(outs.results.map((r) => [r.instanceId, r.status, r.output])).toEqual(
        phones.map((p) => [p, 'succeeded', 'KooPhone']),
      );
    }
  });

  it('reruns on a trigger change (a replace) and not otherwise', async () => {
    const base = phoneCommandInputsSchema.parse({ instanceIds: phones, command: 'echo hi', triggers: ['v1'] });
    const olds = { ...base, results: [] };
    expect(await phoneCommandProvider.diff!('c', olds, base)).toMatchObject({ changes: false, replaces: [] });
    expect(await phoneCommandProvider.diff!('c', olds, { ...base, triggers: ['v2'] })).toMatchObject({
      changes: true,
      replaces: ['triggers'],
    });
    expect(await phoneCommandProvider.diff!('c', olds, { ...base, command: 'echo bye' })).toMatchObject({
      replaces: ['command'],
    });
  });

  it('a failing command fails the step naming the phones, keeping every result', async () => {
    const err = (await phoneCommandProvider
      .create(phoneCommandInputsSchema.parse({ instanceIds: phones.slice(0, 2), command: 'frobnicate now' }))
      .catch((e: unknown) => e)) as PartialStateError;
    expect(err).toBeInstanceOf(PartialStateError);
    expect(err.message).toMatch(/failed on 2 of 2 phones/);
    expect(err.message).toMatch(/pc01\s+CPS\.0191 Run command failed\.: sh: frobnicate: not found/);
  });

  it('check applies the documented charset: printable ASCII with spaces, at most 1024', async () => {
    const ok = await phoneCommandProvider.check!(
      {} as never,
      { instanceIds: phones, command: 'ls -l /system' } as never,
    );
    expect(ok.failures).toBeUndefined();
    const bad = await phoneCommandProvider.check!(
      {} as never,
      { instanceIds: phones, command: 'echo a\necho b' } as never,
    );
    expect(bad.failures).toEqual([{ property: 'command', reason: expect.stringMatching(/printable ASCII/) }]);
    const long = await phoneCommandProvider.check!(
      {} as never,
      { instanceIds: phones, command: 'x'.repeat(1025) } as never,
    );
    expect(long.failures?.[0].reason).toMatch(/at most 1024/);
  });

  it('reboot waits until the phones run again', async () => {
    const outs = (await phoneRebootProvider.create(phoneRebootInputsSchema.parse({ instanceIds: phones }))).outs!;
    expect(outs.phoneCount).toBe(3);
    const { instances } = await control<{ instances: Array<{ instanceId: string; runningStatus: number }> }>(
      'GET',
      '/instances',
    );
    expect(instances.filter((i) => phones.includes(i.instanceId)).map((i) => i.runningStatus)).toEqual([2, 2, 2]);
  });

  it('reset is refused at check without confirmDataLoss, saying how many phones it would wipe', async () => {
    const refused = await phoneResetProvider.check!({} as never, { instanceIds: phones } as never);
    expect(refused.failures).toEqual([
      {
        property: 'confirmDataLoss',
        reason: expect.stringMatching(/wipes every app and all data on 3 phones; set confirmDataLoss: true/),
      },
    ]);
    const before = (await counters())['batch-reset'] ?? 0;
    const outs = (
      await phoneResetProvider.create(phoneResetInputsSchema.parse({ instanceIds: phones, confirmDataLoss: true }))
    ).outs!;
    expect(outs.phoneCount).toBe(3);
    expect((await counters())['batch-reset']).toBe(before + 1);
  });
});
