import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './harness';
import { createKooPhoneStack, type KooPhoneStack } from './support/koophone-stack';

/**
 * The CrossGuard pack in policy/ through the real engine: `pulumi preview --policy-pack policy --policy-pack-config`.
 * It needs the language host's RunPlugin (the native-plugin work on main); without it the engine cannot start the pack.
 */
describe('policy pack', () => {
  let s: KooPhoneStack;
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koophone-policy-'));
  });
  afterEach(async () => {
    await s?.dispose();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const previewWith = async (config: Record<string, unknown>) => {
    const file = path.join(dir, `config-${Object.keys(config).join('-')}-${Date.now()}.json`);
    await fs.writeFile(file, JSON.stringify(config));
    const policyPack = path.join(repoRoot, 'policy');
    return s.project.pulumi(['preview', '--policy-pack', policyPack, '--policy-pack-config', file], {
      allowFailure: true,
    });
  };

  test('flags a disallowed region and an over-budget group in preview, and passes a good program', async () => {
    s = await createKooPhoneStack();
    await s.declare({ groups: [{ name: 'fleet', size: 40 }] });
    await s.control.resetCounters();

    const bad = await previewWith({
      'koophone-allowed-regions': { allowedRegions: ['cn-north-7'] },
      'koophone-max-monthly-cost': { maxMonthlyAmount: 10000 },
    });
    const said = bad.stdout + bad.stderr;
    expect(said).toContain('koophone-allowed-regions');
    expect(bad.code).not.toBe(0);
    expect(said).toContain('fleet buys phones in region "cn-north-4", which is not allowed');
    expect(said).toContain('koophone-max-monthly-cost');
    expect(said).toContain('CNY 11960.00 a month at list price, more than maxMonthlyAmount = CNY 10000.00');

    await s.declare({ groups: [{ name: 'fleet', size: 10 }] });
    const good = await previewWith({
      'koophone-allowed-regions': { allowedRegions: ['cn-north-4'] },
      'koophone-max-monthly-cost': { maxMonthlyAmount: 10000 },
      'koophone-max-phones': { maxPerGroup: 20, maxPerStack: 20 },
    });
    expect(good.stdout + good.stderr).not.toMatch(/mandatory/);
    expect(good.code).toBe(0);
    expect((await s.control.counters()).create ?? 0).toBe(0);
  });
});
