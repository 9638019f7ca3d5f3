import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';

/** The URL's signature: what must never be stored or printed in clear. */
const SIGNATURE = 'Zx9Sig0123secretSIGNATURE';
const packageUrl = `https://bucket.obs.cn-north-4.example.com/apps/app.apk?AccessKeyId=AKX&Expires=4102444800&Signature=${SIGNATURE}`;
const PKG = 'com.example.fleetapp';

interface PhoneApp {
  instanceId: string;
  status: string;
  version: string;
  errorCode: string;
}

/**
 * What runs on the phones, through the real engine on one shared stack of two phones: an app declared, drift found
 * by a refresh and repaired only where it is, a failed install named and retried alone, a command rerun only on a
 * trigger change, a reset refused at preview, and the package URL never in clear.
 */
describe('apps, commands and resets on the phones', () => {
  let s: KooPhoneStack;
  let ids: Record<string, string>;

  const setApps = (version: string) =>
    s.project.setConfig(
      'apps',
      JSON.stringify([{ name: 'app', phones: ['a', 'b'], packageName: PKG, version, packageUrl }]),
      { secret: true },
    );
  const setCommands = (trigger: string) =>
    s.project.setConfig(
      'commands',
      JSON.stringify([{ name: 'cmd', phones: ['a', 'b'], command: 'getprop ro.product.model', triggers: [trigger] }]),
    );
  const installations = async () =>
    ((await s.project.outputs({ showSecrets: true })).appInstallations as PhoneApp[][])[0];
  const appOn = async (instanceId: string) => {
    const { instances } = await s.control.call<{
      instances: Array<{ instanceId: string; apps: Array<{ objectName: string; objectVersion: string }> }>;
    }>('GET', '/_emulator/instances');
    return instances.find((i) => i.instanceId === instanceId)?.apps.find((a) => a.objectName === PKG);
  };
  const counted = async (op: string) => (await s.control.counters())[op] ?? 0;
  /** Every file of the `file://` backend (checkpoint, backups, history), decompressed. */
  const backendText = async () => {
    const root = fileURLToPath(String(s.project.env.PULUMI_BACKEND_URL));
    const files = (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const texts = await Promise.all(
      files.map(async (e) => {
        const bytes = await fs.readFile(path.join(e.parentPath, e.name));
        return (e.name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      }),
    );
    return texts.join('\n');
  };

  beforeAll(async () => {
    s = await createKooPhoneStack();
    await s.declare({ phones: [{ name: 'a' }, { name: 'b' }] });
    await setApps('1.0.0');
    await setCommands('1');
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    ids = await s.phoneIds();
  });
  afterAll(async () => {
    await s?.dispose();
  });

  test('the app is installed on both phones and the command ran on both', async () => {
    expect(await installations()).toEqual([
      { instanceId: ids.a, status: 'installed', version: '1.0.0', errorCode: '', errorMessage: '' },
      { instanceId: ids.b, status: 'installed', version: '1.0.0', errorCode: '', errorMessage: '' },
    ]);
    expect(await appOn(ids.a)).toMatchObject({ objectVersion: '1.0.0' });
    const results = ((await s.project.outputs()).commandResults as Array<Array<{ status: string; output: string }>>)[0];
    expect(results.map((r) => [r.status, r.output])).toEqual([
      ['succeeded', 'KooPhone'],
      ['succeeded', 'KooPhone'],
    ]);
  });

  test('an app removed out of band is drift at preview --refresh, and up --refresh reinstalls it there only', async () => {
    await s.control.mutate(ids.b, { action: 'remove-app', appPkg: PKG });
    const preview = await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    expect(preview.stdout).toMatch(/1 to update/);
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--refresh', '--yes', '--skip-preview']);
    expect(await counted('app-install')).toBe(1);
    // The unchanged command did not run again.
    expect(await counted('sync-command')).toBe(0);
    expect(await appOn(ids.b)).toMatchObject({ objectVersion: '1.0.0' });
    expect((await installations()).map((p) => p.status)).toEqual(['installed', 'installed']);
  });

  test('a failed install fails the up naming the phone; the next up retries only that phone', async () => {
    await s.control.mutate(ids.a, { action: 'fail-installs', count: 1 });
    await setApps('2.0.0');
    const failed = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
    expect(failed.code).not.toBe(0);
    const text = failed.stdout + failed.stderr;
    expect(text).toMatch(/failed to install on 1 of 2 phones/);
    expect(text).toMatch(new RegExp(`${ids.a}\\s+CPS\\.0191 Install app failed\\.`));
    expect(await appOn(ids.b)).toMatchObject({ objectVersion: '2.0.0' });

    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect(await counted('app-install')).toBe(1);
    expect(await appOn(ids.a)).toMatchObject({ objectVersion: '2.0.0' });
    expect((await installations()).map((p) => [p.status, p.version])).toEqual([
      ['installed', '2.0.0'],
      ['installed', '2.0.0'],
    ]);
  });

  test('the command runs again when its trigger changes', async () => {
    await setCommands('2');
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect(await counted('sync-command')).toBe(1);
    expect(await counted('app-install')).toBe(0);
  });

  test('the package URL is never in clear in stack export or in the backend files', async () => {
    const exported = JSON.stringify(await s.exportStack());
    expect(exported).toContain(PKG);
    expect(exported).not.toContain(SIGNATURE);
    expect(exported).not.toContain('bucket.obs');
    const onDisk = await backendText();
    expect(onDisk).toContain(PKG);
    expect(onDisk).not.toContain(SIGNATURE);
  });

  test('a reset without confirmDataLoss is refused at preview, saying how many phones it would wipe', async () => {
    await s.project.setConfig('resets', JSON.stringify([{ name: 'wipe', phones: ['a', 'b'] }]));
    const preview = await s.project.pulumi(['preview'], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    expect(preview.stdout + preview.stderr).toMatch(
      /wipes every app and all data on 2 phones; set confirmDataLoss: true/,
    );
    await s.project.setConfig('resets', '[]');
  });

  test('destroy uninstalls the app (one async pm uninstall for both phones) before the phones go', async () => {
    await s.control.resetCounters();
    await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
    expect(await counted('async-command')).toBe(1);
  });
});
