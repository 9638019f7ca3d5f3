import { appInstallationInputsSchema, type AppInstallationInputs } from '../../schemas/resources/app-installation';
import { appInstallationProvider as provider, type AppInstallationOutputs } from './app-installation';
import { PartialStateError } from '../core/partial-state';
import { startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

process.env.KOOPHONE_POLL_INTERVAL_MS = '20';
const URL = 'https://bucket.obs.example.com/apps/example.apk?AccessKeyId=AK1&Expires=99&Signature=s3cr3tSIG';

describe('AppInstallation provider against the emulator', () => {
  let emulator: EmulatorRuntime;
  const phones = Array.from({ length: 150 }, (_, i) => `ph${String(i).padStart(3, '0')}`);

  const control = <T>(method: string, route: string, body?: unknown) => emulator.control<T>(method, route, body);
  const counters = () => emulator.counters();
  const resetCounters = () => emulator.resetCounters();
  const appsOn = async (id: string, pkg = 'com.example.app') => {
    const { instances } = await control<{
      instances: Array<{ instanceId: string; apps: Array<{ objectName: string; objectVersion: string }> }>;
    }>('GET', '/instances');
    return instances.find((i) => i.instanceId === id)!.apps.filter((a) => a.objectName === pkg);
  };
  const inputs = (extra: Record<string, unknown> = {}): AppInstallationInputs =>
    appInstallationInputsSchema.parse({
      instanceIds: phones,
      packageName: 'com.example.app',
      fileName: 'example.apk',
      version: '1.0.0',
      sizeMb: 12,
      packageUrl: URL,
      ...extra,
    });
  /** Refresh then diff, as `preview --refresh` does. */
  const refreshAndDiff = async (state: AppInstallationOutputs, news = inputs()) => {
    const { props } = await provider.read!('app', state);
    return { state: props!, diff: await provider.diff!('app', props!, news) };
  };

  beforeAll(async () => {
    emulator = await startEmulatorRuntime({ taskSeconds: 0.2, provisionSeconds: 0.2 });
    await control('POST', '/seed', {
      instances: phones.map((instanceId, i) => ({
        instanceId,
        instanceName: `fleet-${String(i + 1).padStart(5, '0')}`,
        runningStatus: 2,
      })),
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('installs on 150 phones in 2 calls, reads them back without drift, repairs an app removed out of band only there', async () => {
    await resetCounters();
    const outs = (await provider.create(inputs())).outs!;
    expect((await counters())['app-install']).toBe(2);
    expect(outs.installations).toHaveLength(150);
    expect(outs.installations.every((p) => p.status === 'installed' && p.version === '1.0.0')).toBe(true);

    const clean = await refreshAndDiff(outs);
    expect(clean.diff.changes).toBe(false);

    await control('POST', `/instances/${phones[7]}/mutate`, {
      action: 'remove-app',
      appPkg: 'com.example.app',
    });
    const drifted = await refreshAndDiff(outs);
    expect(drifted.state.installations.filter((p) => p.status !== 'installed')).toEqual([
      { instanceId: phones[7], status: 'missing', version: '', errorCode: '', errorMessage: '' },
    ]);
    expect(drifted.diff).toMatchObject({ changes: true, replaces: [] });

    await resetCounters();
    const repaired = await provider.update!('app', drifted.state, inputs());
    expect((await counters())['app-install']).toBe(1);
    expect(repaired.outs!.installations.every((p) => p.status === 'installed')).toBe(true);
    expect(await appsOn(phones[7])).toMatchObject([{ objectName: 'com.example.app', objectVersion: '1.0.0' }]);
  });

  it('a version bump reinstalls everywhere; 3 failing jobs fail the step naming them, and the retry installs only there', async () => {
    const outs = (await provider.create(inputs({ instanceIds: phones.slice(0, 10) }))).outs!;
    const failing = [phones[1], phones[4], phones[8]];
    for (const id of failing) await control('POST', `/instances/${id}/mutate`, { action: 'fail-installs', count: 1 });

    const err = await provider.update!(
      'app',
      outs,
      inputs({ instanceIds: phones.slice(0, 10), version: '2.0.0' }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PartialStateError);
    const partial = err as PartialStateError;
    expect(partial.message).toMatch(/failed to install on 3 of 10 phones/);
    for (const id of failing) expect(partial.message).toMatch(new RegExp(`${id}\\s+CPS\\.0191 Install app failed\\.`));
    const kept = partial.properties as AppInstallationOutputs;
    expect(kept.installations.filter((p) => p.status === 'installed' && p.version === '2.0.0')).toHaveLength(7);

    const diff = await provider.diff!('app', kept, inputs({ instanceIds: phones.slice(0, 10), version: '2.0.0' }));
    expect(diff.changes).toBe(true);
    await resetCounters();
    const retried = await provider.update!('app', kept, inputs({ instanceIds: phones.slice(0, 10), version: '2.0.0' }));
    const c = await counters();
    expect(c['app-install']).toBe(1);
    expect(retried.outs!.installations.every((p) => p.status === 'installed' && p.version === '2.0.0')).toBe(true);
    for (const id of failing) expect(await appsOn(id)).toMatchObject([{ objectVersion: '2.0.0' }]);
  });

  it('uninstalls from phones removed from instanceIds and from every phone on delete', async () => {
    const ids = phones.slice(20, 24);
    const outs = (await provider.create(inputs({ instanceIds: ids, packageName: 'com.example.other' }))).outs!;
    const shrunk = await provider.update!(
      'app',
      outs,
      inputs({ instanceIds: ids.slice(0, 2), packageName: 'com.example.other' }),
    );
    expect(await appsOn(ids[3], 'com.example.other')).toEqual([]);
    expect(await appsOn(ids[0], 'com.example.other')).toHaveLength(1);
    await provider.delete!('app', shrunk.outs!);
    expect(await appsOn(ids[0], 'com.example.other')).toEqual([]);
    // Deleting again finds nothing installed and still succeeds.
    await provider.delete!('app', shrunk.outs!);
  });

  it('never puts the package URL in an error, even when the server echoes it', async () => {
    await control('POST', '/faults', {
      endpoint: 'app-install',
      errorCode: 'KOOPHONE.API.62017',
      errorMsg: `bad url ${URL}`,
      count: 1,
    });
    const err = (await provider
      .create(inputs({ instanceIds: [phones[30]] }))
      .catch((e: unknown) => e)) as PartialStateError;
    expect(err).toBeInstanceOf(PartialStateError);
    expect(err.message).toMatch(new RegExp(`${phones[30]}`));
    expect(err.message).not.toMatch(/s3cr3tSIG|bucket\.obs/);
    expect(JSON.stringify((err.properties as AppInstallationOutputs).installations)).not.toMatch(
      /s3cr3tSIG|bucket\.obs/,
    );
  });

  it('check names invalid fields before any call', async () => {
    const { failures } = await provider.check!(
      {} as never,
      {
        instanceIds: ['a', 'a'],
        packageName: 'nope',
        fileName: 'x.zip',
        version: '1',
        sizeMb: 4096,
        packageUrl: 'ftp://x',
      } as never,
    );
    expect(failures!.map((f) => f.property || f.reason.split(':')[0]).sort()).toEqual([
      'fileName',
      'instanceIds.1',
      'packageName',
      'packageUrl',
      'sizeMb',
    ]);
  });
});
