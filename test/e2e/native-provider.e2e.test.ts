import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_USERS } from '../../emulator';
import { DEMO_CREDENTIALS } from '../../emulator/testing/emulator-harness';
import { KooPhoneClient } from '../../provider/client';
import { repoRoot } from './harness';
import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';
import { buildPluginTarball, installPlugin, packageVersion } from './support/native-plugin';

const run = promisify(execFile);

/** One step of `pulumi preview --json` / `pulumi up --json`. */
interface Step {
  op: string;
  urn: string;
}
/** `preview --json` prints one document with its steps. */
const previewStepsOf = (stdout: string): Step[] => (JSON.parse(stdout) as { steps?: Step[] }).steps ?? [];
/** `up --json` streams engine events, one per line: each step starts with a resourcePreEvent. */
const upStepsOf = (stdout: string): Step[] =>
  stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => (JSON.parse(line) as { resourcePreEvent?: { metadata: Step } }).resourcePreEvent?.metadata)
    .filter((m): m is Step => m !== undefined)
    .map(({ op, urn }) => ({ op, urn }));
const REPLACING = new Set(['replace', 'create-replacement', 'delete-replaced']);
/** urn → op of the steps that change something (`preview --json` lists no `same` step): what a reviewer reads. */
const opsOf = (steps: Step[]) =>
  Object.fromEntries(
    steps.filter((st) => st.op !== 'same' && !st.urn.includes('pulumi:pulumi:Stack')).map((st) => [st.urn, st.op]),
  );

/**
 * The native plugin through the real engine: installed from its tarball (`pulumi plugin install --file`), a group
 * with UserAssignments on slots 0-2 and a VideoSetting previews its billing toggle and its growth with no replace
 * step and the up does what the preview said; phones bought elsewhere are taken over with `pulumi import` without a
 * purchase, and the program declaring them previews with no changes.
 */
describe('native provider plugin', () => {
  let s: KooPhoneStack;
  const [alice, bob, carol] = DEMO_USERS.map((u) => u.userId);
  const setJson = (key: string, value: unknown) =>
    s.project.pulumi(['config', 'set', '--plaintext', key, JSON.stringify(value)]);
  const previewSteps = async () => previewStepsOf((await s.project.pulumi(['preview', '--json'])).stdout);
  const up = async () => {
    await s.control.resetCounters();
    const result = await s.project.pulumi(['up', '--yes', '--skip-preview', '--json']);
    return { steps: upStepsOf(result.stdout), counters: await s.control.counters() };
  };
  const fleetIds = async () => ((await s.project.outputs()).groupIds as Record<string, string[]>).fleet;

  beforeAll(async () => {
    const building = buildPluginTarball();
    s = await createKooPhoneStack({ template: path.join(__dirname, 'fixtures', 'native-program') });
    await installPlugin(s.project, await building);
  }, 300_000);
  afterAll(async () => {
    await s?.dispose();
  });

  test('GetSchema: pulumi package get-schema on the installed plugin returns schema.json and binds it without errors', async () => {
    const version = await packageVersion();
    const binary = path.join(
      s.project.env.PULUMI_HOME!,
      'plugins',
      `resource-koophone-v${version}`,
      'pulumi-resource-koophone',
    );
    const { stdout } = await s.project.pulumi(['package', 'get-schema', binary]);
    const served = JSON.parse(stdout) as { name: string; resources: object; functions: object };
    const ours = JSON.parse(await fs.readFile(path.join(repoRoot, 'schema.json'), 'utf8')) as typeof served;
    expect([served.name, Object.keys(served.resources), Object.keys(served.functions)]).toEqual([
      'koophone',
      Object.keys(ours.resources),
      Object.keys(ours.functions),
    ]);
  });

  test('getSkus is served by the plugin; a group of 5 with UserAssignments on slots 0-2 and a VideoSetting: auto-renew toggled and +2 phones preview 0 replace steps, and up agrees', async () => {
    await setJson('groups', [{ name: 'fleet', size: 5 }]);
    await setJson('groupAssignments', [
      { name: 'bob-slot0', group: 'fleet', slot: 0, user: bob },
      { name: 'alice-slot1', group: 'fleet', slot: 1, user: alice },
      { name: 'carol-slot2', group: 'fleet', slot: 2, user: carol },
    ]);
    await setJson('video', [
      { networkType: 'WIFI', encodingType: 'H265', definition1080p: { codeRate: 6000, fps: 60 } },
    ]);
    await s.project.pulumi(['config', 'set', 'videoGroup', 'fleet']);
    const created = await up();
    expect(created.counters.create).toBe(1);
    // The password was set with --secret: the provider's inputs in state hold only its ciphertext.
    expect(JSON.stringify(await s.exportStack())).not.toContain('demo-password');
    const ids = await fleetIds();
    expect(ids).toHaveLength(5);
    expect((await s.project.outputs()).skuIds).toContain('kp.professional.xlarge.32g.2');
    await s.project.pulumi(['preview', '--expect-no-changes']);

    // Billing toggled: every member's subscription changes in place, no dependent moves.
    await setJson('groups', [{ name: 'fleet', size: 5, autoRenew: true }]);
    const toggle = await previewSteps();
    expect(toggle.filter((st) => REPLACING.has(st.op))).toEqual([]);
    expect(Object.values(opsOf(toggle))).toEqual(['update']);
    const toggled = await up();
    expect(opsOf(toggled.steps)).toEqual(opsOf(toggle));
    expect([toggled.counters.create ?? 0, toggled.counters.assign ?? 0, toggled.counters.unassign ?? 0]).toEqual([
      0, 0, 0,
    ]);
    expect(await fleetIds()).toEqual(ids);

    // Two more phones: only the new slots are unknown at preview; the VideoSetting covers them in place.
    await setJson('groups', [{ name: 'fleet', size: 7, autoRenew: true }]);
    const grow = await previewSteps();
    expect(grow.filter((st) => REPLACING.has(st.op))).toEqual([]);
    // The group grows in place and the VideoSetting takes the new phones in place; the assignments stay.
    expect(
      Object.entries(opsOf(grow))
        .map(([urn, op]) => `${urn.split('::').pop()}:${op}`)
        .sort(),
    ).toEqual(['fleet:update', 'video:update']);
    const grown = await up();
    expect(opsOf(grown.steps)).toEqual(opsOf(grow));
    expect([grown.counters.create, grown.counters.unassign ?? 0]).toEqual([1, 0]);
    const after = await fleetIds();
    expect(after.slice(0, 5)).toEqual(ids);
    expect(after).toHaveLength(7);
    await s.project.pulumi(['preview', '--expect-no-changes']);
  });

  test('pulumi import takes over an Instance and a group prefix bought elsewhere with 0 create calls; the declaring program previews no changes', async () => {
    // Bought outside the stack, as in the console: one phone, and three under one prefix.
    const client = new KooPhoneClient({
      endpoint: s.emulator.url,
      iamEndpoint: s.emulator.url,
      auth: { kind: 'password', ...DEMO_CREDENTIALS },
    });
    const order = (prefix: string, count: number) =>
      client.createInstances({
        os: 'AOSP11',
        instanceSkuId: 'kp.professional.xlarge.32g.2',
        bandSkuId: 'kp.bandwidth',
        regionId: 'cn-north-4',
        instanceNamePrefix: prefix,
        bandSize: 4,
        count,
        chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1 },
      });
    const desk = (await order('desk', 1)).instanceInfos[0].instanceId;
    const lab = (await order('lab', 3)).instanceInfos.map((p) => p.instanceId);
    await client.close();

    await s.control.resetCounters();
    await s.project.pulumi(['import', 'koophone:index:Instance', 'desk-7', desk, '--yes', '--generate-code=false']);
    await s.project.pulumi(['import', 'koophone:index:InstanceGroup', 'lab', 'lab', '--yes', '--generate-code=false']);
    const counters = await s.control.counters();
    expect(counters.create ?? 0).toBe(0);

    await setJson('phones', [{ name: 'desk-7' }]);
    await setJson('importedGroups', [{ name: 'lab', size: 3 }]);
    await s.project.pulumi(['preview', '--expect-no-changes']);
    const outputs = await s.project.pulumi(['up', '--yes', '--skip-preview']).then(() => s.project.outputs());
    // Slots by name order: the order's phones are named lab-00001, lab-00002, … in the order bought.
    expect((outputs.groupIds as Record<string, string[]>).lab).toEqual(lab);
    expect(outputs.phoneIds).toEqual([desk]);
  });

  test('destroy unsubscribes every phone, the imported ones included, and leaves none bought', async () => {
    await s.control.resetCounters();
    await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
    expect(await s.control.yearlyMonthlyPhones()).toEqual([]);
    expect((await s.control.counters()).create ?? 0).toBe(0);
  });

  test('kill -9 of pulumi up mid-create: the plugin process it started exits on its own within 10 s', async () => {
    await setJson('groups', [{ name: 'fleet', size: 9, autoRenew: true }]);
    await s.control.resetCounters();
    const plugins = async (): Promise<string[]> => {
      // The plugin runs from this test's own PULUMI_HOME: its processes are told apart by that path.
      const found = await run('pgrep', ['-f', `${s.project.env.PULUMI_HOME}/plugins/resource-koophone`]).catch(() => ({
        stdout: '',
      }));
      return found.stdout.split('\n').filter(Boolean);
    };
    // scripts/pulumi-offline execs the CLI: this pid is pulumi itself, and only it is killed.
    const cli = spawn(path.join(repoRoot, 'scripts', 'pulumi-offline'), ['up', '--yes', '--skip-preview'], {
      cwd: s.project.dir,
      env: s.project.env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => cli.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (((await s.control.counters()).create ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await plugins()).length).toBeGreaterThan(0);
    cli.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    while ((await plugins()).length > 0 && Date.now() - killedAt < 15_000) await new Promise((r) => setTimeout(r, 200));
    expect(await plugins()).toEqual([]);
    const goneAfterMs = Date.now() - killedAt;
    process.stderr.write(`native e2e: the plugin was gone ${goneAfterMs} ms after kill -9 of pulumi up\n`);
    expect(goneAfterMs).toBeLessThan(10_000);
  });
});
