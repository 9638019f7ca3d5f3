import * as path from 'node:path';
import { DEMO_USERS } from '../../emulator';
import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';
import { buildPluginTarball, installPlugin } from './support/native-plugin';

/**
 * docs/native-provider.md, "Moving a stack from dynamic to native resources": retainOnDelete on the dynamic
 * resources, the native classes with the `import` option, one up: nothing bought, deleted or unassigned.
 */
describe('moving a stack from dynamic to native resources', () => {
  let s: KooPhoneStack;
  const setJson = (key: string, value: unknown) =>
    s.project.pulumi(['config', 'set', '--plaintext', key, JSON.stringify(value)]);
  const ids = async () => (await s.project.outputs()).ids as { desk: string; fleet: string[]; fleetPrefix: string };

  beforeAll(async () => {
    const building = buildPluginTarball();
    s = await createKooPhoneStack({ template: path.join(__dirname, 'fixtures', 'migrate-program') });
    await installPlugin(s.project, await building);
    await s.project.pulumi(['config', 'set', 'user', DEMO_USERS[0].userId]);
  }, 300_000);
  afterAll(async () => {
    await s?.dispose();
  });

  test('retain, import, one up: 0 create, delete or unassign calls; the native program then previews no changes', async () => {
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const before = await ids();
    await setJson('retain', true);
    await s.project.pulumi(['up', '--yes', '--skip-preview']);

    await s.project.pulumi(['config', 'set', 'flavour', 'native']);
    await setJson('importIds', { desk: before.desk, fleet: before.fleetPrefix });
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    expect([counters.create ?? 0, counters.delete ?? 0, counters.unassign ?? 0]).toEqual([0, 0, 0]);
    expect(await ids()).toEqual(before);
    const types = (await s.exportStack()).deployment.resources?.map((r) => r.type) ?? [];
    expect(types.filter((t) => t.includes('dynamic'))).toEqual([]);

    await s.project.pulumi(['config', 'rm', 'importIds']);
    await s.project.pulumi(['preview', '--expect-no-changes']);
    expect((await s.control.yearlyMonthlyPhones()).map((p) => p.instanceId).sort()).toEqual(
      [before.desk, ...before.fleet].sort(),
    );
  });
});
