import { DEMO_USERS } from '../../emulator';
import { createKooPhoneStack, managedResources, totalCalls, type KooPhoneStack } from './support/koophone-stack';

/**
 * The product's lifecycle through the real Pulumi engine and the emulator over HTTP: validation at preview,
 * create, no-change preview, drift (out-of-band unassign and delete) seen by refresh and repaired by up,
 * replacement on a SKU change, secrets and provider size in state, pay-per-use refusal, destroy.
 */
describe('KooPhone resources through the Pulumi engine', () => {
  let s: KooPhoneStack;
  const [alice, bob] = DEMO_USERS.map((u) => u.userId);
  const video = [{ networkType: 'WIFI', encodingType: 'H265', definition1080p: { codeRate: 6000, fps: 60 } }];
  const phoneIds = () => s.phoneIds();
  const yearlyMonthly = () => s.control.yearlyMonthlyPhones();

  beforeAll(async () => {
    s = await createKooPhoneStack();
  });
  afterAll(async () => {
    await s?.dispose();
  });

  test('invalid input fails at preview, naming each field, before any API call', async () => {
    await s.declare({ phones: [{ name: 'bad', os: 'Android12', bandSize: -1 }] });
    await s.control.resetCounters();
    const preview = await s.project.pulumi(['preview'], { allowFailure: true });
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toMatch(/os.*must be an Android image name such as "AOSP11" or "AOSP14"/);
    expect(output).toMatch(/bandSize.*greater than 0/);
    expect(totalCalls(await s.control.counters())).toBe(0);
  });

  test('a bad nested field is named by its path with the value received, not as `value {<nil>}`', async () => {
    await s.declare({
      phones: [{ name: 'p1' }],
      video: [{ networkType: 'WIFI', encodingType: 'H264', definition720p: { codeRate: 4000, fps: 45 } }],
    });
    const preview = await s.project.pulumi(['preview'], { allowFailure: true });
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain(
      "resource 'video' has a problem: profiles.0.definition720p.fps: must be 30 or 60 frames per second (received 45)",
    );
    expect(output).not.toContain('<nil>');
  });

  test('up buys the declared phones, assigns the user and applies the video settings', async () => {
    await s.declare({
      phones: [{ name: 'p1' }, { name: 'p2' }],
      assignments: [{ name: 'alice', phone: 'p1', user: alice }],
      video,
    });
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const ids = await phoneIds();
    const phones = await yearlyMonthly();
    expect(phones.map((p) => p.instanceId).sort()).toEqual([ids.p1, ids.p2].sort());
    expect(phones.every((p) => p.runningStatus === 2)).toBe(true);
    expect(phones.find((p) => p.instanceId === ids.p1)?.assignUser).toBe(alice);
    const applied = await s.control.call<Record<string, unknown>>('GET', `/_emulator/video-settings/${ids.p2}`);
    expect(JSON.stringify(applied)).toContain('"code_rate":6000');
  });

  test('a second preview reports no changes', async () => {
    await s.project.pulumi(['preview', '--expect-no-changes']);
  });

  test('refresh reads the whole fleet with coalesced calls', async () => {
    await s.control.resetCounters();
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    // 4 resources to read: one IAM token, one batch-query page and one billing query (≤ 50 ids) serve them all.
    expect(counters['batch-query'] ?? 0).toBe(1);
    expect(counters['bss-query'] ?? 0).toBe(1);
    expect(totalCalls(counters)).toBeLessThanOrEqual(3);
  });

  test('an out-of-band unassign is drift: refresh sees it, preview fails, up repairs it', async () => {
    const { p1 } = await phoneIds();
    await s.control.mutate(p1, { action: 'unassign' });
    const drift = await s.project.pulumi(['preview', '--refresh', '--expect-no-changes'], { allowFailure: true });
    expect(drift.code).not.toBe(0);
    expect(drift.stdout).toMatch(/alice/);
    await s.project.pulumi(['up', '--refresh', '--yes', '--skip-preview']);
    expect((await s.control.phones()).find((p) => p.instanceId === p1)?.assignUser).toBe(alice);
    await s.project.pulumi(['preview', '--refresh', '--expect-no-changes']);
  });

  test('a phone reassigned out of band is given back to the declared user', async () => {
    const { p1 } = await phoneIds();
    await s.control.mutate(p1, { action: 'unassign' });
    await s.control.mutate(p1, { action: 'assign', userId: bob });
    await s.project.pulumi(['up', '--refresh', '--yes', '--skip-preview']);
    expect((await s.control.phones()).find((p) => p.instanceId === p1)?.assignUser).toBe(alice);
  });

  test('a phone deleted out of band is dropped by refresh and bought again by up', async () => {
    const before = await phoneIds();
    await s.control.mutate(before.p2, { action: 'delete' });
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    expect(managedResources(await s.exportStack()).some((r) => r.id === before.p2)).toBe(false);
    const drift = await s.project.pulumi(['preview', '--expect-no-changes'], { allowFailure: true });
    expect(drift.code).not.toBe(0);
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const after = await phoneIds();
    expect(after.p2).not.toBe(before.p2);
    expect((await yearlyMonthly()).map((p) => p.instanceId).sort()).toEqual([after.p1, after.p2].sort());
  });

  test('a SKU change replaces the phone (and its assignment); the old phone is unsubscribed', async () => {
    const before = await phoneIds();
    await s.declare({ phones: [{ name: 'p1', sku: 'kp.enterprise.2xlarge.128g.2' }, { name: 'p2' }] });
    const preview = await s.project.pulumi(['preview', '--diff']);
    expect(preview.stdout).toMatch(/\+-.*p1|replace/);
    expect(preview.stdout).toMatch(/instanceSkuId/);
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const after = await phoneIds();
    expect(after.p1).not.toBe(before.p1);
    expect(after.p2).toBe(before.p2);
    const phones = await yearlyMonthly();
    expect(phones.map((p) => p.instanceId).sort()).toEqual([after.p1, after.p2].sort());
    expect(phones.find((p) => p.instanceId === after.p1)).toMatchObject({
      instanceSkuId: 'kp.enterprise.2xlarge.128g.2',
      assignUser: alice,
    });
  });

  test('getInstances and getSkus read the account from the program', async () => {
    const ids = await phoneIds();
    await s.project.setConfig('inventory', 'true');
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const outputs = await s.project.outputs();
    const inventory = outputs.inventory as { id: string; name: string; billingMode: string }[];
    expect(inventory.map((i) => i.id).sort()).toEqual([ids.p1, ids.p2].sort());
    expect(inventory.every((i) => i.billingMode === '1' && /^p[12]-[a-z0-9]{5}-\d{5}$/.test(i.name))).toBe(true);
    expect(outputs.skuIds).toEqual(
      expect.arrayContaining(['kp.professional.xlarge.32g.2', 'kp.enterprise.2xlarge.128g.2']),
    );
  });

  test('state holds no password or token in clear, and each serialized provider is a small require()', async () => {
    const exported = await s.exportStack();
    const text = JSON.stringify(exported);
    expect(text).not.toContain('demo-password');
    expect(text).not.toMatch(/X-Subject-Token|x-auth-token/i);
    const providers = managedResources(exported).map((r) =>
      String(r.outputs?.__provider ?? r.inputs?.__provider ?? ''),
    );
    expect(providers.length).toBeGreaterThan(0);
    for (const p of providers) {
      expect(p.length).toBeLessThan(4096);
      expect(p).toContain('pulumi-koophone/dist/provider/dynamic/');
    }
  });

  test('an adopted pay-per-use phone cannot be destroyed through the API and stays in the stack', async () => {
    const seeded = await s.control.call<{ instances: { instanceId: string }[] }>('POST', '/_emulator/seed', {
      instances: [
        {
          instanceName: 'console-00001',
          billingMode: '0',
          instanceSkuId: 'kp.professional.xlarge.32g.2',
          os: 'AOSP11',
          regionId: 'cn-north-4',
        },
      ],
    });
    const ppu = seeded.instances[0].instanceId;
    await s.declare({
      phones: [{ name: 'p1', sku: 'kp.enterprise.2xlarge.128g.2' }, { name: 'p2' }, { name: 'ppu', adopt: ppu }],
    });
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect((await phoneIds()).ppu).toBe(ppu);

    const destroy = await s.project.pulumi(['destroy', '--yes', '--skip-preview'], { allowFailure: true });
    const output = destroy.stdout + destroy.stderr;
    expect(destroy.code).not.toBe(0);
    expect(output).toContain('KOOPHONE.API.5001');
    expect(output).toMatch(/console/);
    expect(output).toMatch(/retainOnDelete/);
    const left = managedResources(await s.exportStack());
    expect(left.map((r) => r.id)).toEqual([ppu]);
    expect((await s.control.phones()).some((p) => p.instanceId === ppu)).toBe(true);
  });

  test('destroy leaves no yearly/monthly phone once the pay-per-use one is out of the stack', async () => {
    const urn = managedResources(await s.exportStack()).find((r) => r.urn.endsWith('::ppu'))!.urn;
    await s.project.pulumi(['state', 'delete', urn, '--yes']);
    await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
    expect(managedResources(await s.exportStack())).toEqual([]);
    expect(await yearlyMonthly()).toEqual([]);
  });
});
