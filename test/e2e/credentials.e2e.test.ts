import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DEMO_TENANT } from '../../emulator';
import { createKooPhoneStack, totalCalls, type KooPhoneStack } from './support/koophone-stack';

/** Every IAM token (Huawei's PKI tokens, and the emulator's imitation of them) starts like this. */
const IAM_TOKEN_PREFIX = 'MIIPAgYJKoZIhvcNAQcCo';

/**
 * Where credentials are kept, checked on disk: the file backend's state directory holds the checkpoint, its
 * backups and the update history, and none of them may carry a password, secret key or IAM token in clear.
 */
describe('credentials never reach the state in clear', () => {
  let s: KooPhoneStack;

  /** Every file under the stack's `file://` backend directory, decompressed. */
  async function stateFiles(): Promise<Array<{ file: string; text: string }>> {
    const root = fileURLToPath(String(s.project.env.PULUMI_BACKEND_URL));
    const files = (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    return Promise.all(
      files.map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        const bytes = await fs.readFile(file);
        return { file, text: (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') };
      }),
    );
  }

  /** The files that contain `needle`, by path (empty when the secret is nowhere in clear). */
  async function filesContaining(needle: string): Promise<string[]> {
    return (await stateFiles()).filter((f) => f.text.includes(needle)).map((f) => f.file);
  }

  beforeAll(async () => {
    s = await createKooPhoneStack();
    await s.declare({ phones: [{ name: 'c1' }] });
  });
  afterAll(async () => {
    await s?.dispose();
  });

  // Preview only: the CLI itself records each `up`'s config (plain values in clear) in the update history.
  test('a password set as plain config fails preview, names the fix and stores nothing', async () => {
    await s.project.setConfig('koophone:password', DEMO_TENANT.password);
    await s.control.resetCounters();

    const preview = await s.project.pulumi(['preview'], { allowFailure: true });
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(output).toContain('koophone:password is set as plain (not secret) stack config');
    expect(output).toContain('pulumi config set --secret koophone:password <value>');
    expect(output).toContain('HW_USER_PASSWORD');
    expect(output).not.toContain(DEMO_TENANT.password);
    expect(totalCalls(await s.control.counters())).toBe(0);
    expect(await filesContaining(DEMO_TENANT.password)).toEqual([]);
  });

  test('a wrong password is reported with the keys to check and the values received, never the password', async () => {
    await s.project.setConfig('koophone:password', 'not-the-demo-password', { secret: true });
    const up = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
    const output = up.stdout + up.stderr;
    expect(up.code).not.toBe(0);
    expect(output).toContain('IAM refused the password login of user "demo" in account "demo" (project cn-north-4)');
    expect(output).toContain('`koophone:password` (or $HW_USER_PASSWORD)');
    expect(output).not.toMatch(/(^|\s)401:/m);
    expect(output).not.toContain('not-the-demo-password');
    expect((await s.control.counters()).create ?? 0).toBe(0);
  });

  test('with the password as a secret, up stores neither the password nor the IAM token in clear', async () => {
    await s.project.setConfig('koophone:password', DEMO_TENANT.password, { secret: true });
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect((await s.control.counters())['iam-tokens']).toBeGreaterThan(0);

    const files = await stateFiles();
    // Not vacuous: the checkpoint holds the phone, and the stack config (encrypted) in the default provider's inputs.
    const [phoneId] = Object.values(await s.phoneIds());
    expect(files.some((f) => f.text.includes(phoneId))).toBe(true);
    expect(files.some((f) => f.text.includes('"koophone:password"'))).toBe(true);
    expect(await filesContaining(DEMO_TENANT.password)).toEqual([]);
    expect(await filesContaining(IAM_TOKEN_PREFIX)).toEqual([]);
  });

  test('switching to secret AK/SK keys buys nothing again and stores no secret key in clear', async () => {
    await s.project.setConfig('koophone:accessKey', DEMO_TENANT.accessKey, { secret: true });
    await s.project.setConfig('koophone:secretKey', DEMO_TENANT.secretKey, { secret: true });
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const counters = await s.control.counters();
    expect(counters.create ?? 0).toBe(0);
    expect(counters['iam-tokens'] ?? 0).toBe(0);

    expect(await filesContaining(DEMO_TENANT.secretKey)).toEqual([]);
    expect(await filesContaining(DEMO_TENANT.password)).toEqual([]);
    expect(await filesContaining(IAM_TOKEN_PREFIX)).toEqual([]);
  });
});
