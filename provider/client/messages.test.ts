import { startEmulator, DEMO_TENANT, type RunningEmulator } from '../../emulator';
import { startWireFixture } from './testing/wire-fixture';
import { AuthFailedError, KooPhoneClient, KooPhoneNetworkError, type KooPhoneClientOptions } from '.';

/**
 * The messages a user reads for the commonest setup mistakes: each names the config key to fix, what was expected
 * and received (never a secret), what to do; the code and request id come last.
 */
describe('error messages', () => {
  let emu: RunningEmulator;
  const clients: KooPhoneClient[] = [];
  const client = (opts: KooPhoneClientOptions) => {
    const c = new KooPhoneClient({ retryBaseMs: 1, maxRetries: 1, ...opts }, { sleep: async () => undefined });
    clients.push(c);
    return c;
  };
  const rejectionOf = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('resolved');
      },
      (e: unknown) => e as Error,
    );
  const password = (pw: string) => ({
    kind: 'password' as const,
    domainName: DEMO_TENANT.domainName,
    userName: DEMO_TENANT.userName,
    password: pw,
    projectName: 'cn-north-4',
  });

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await emu.close();
  });

  it('a wrong password names the user, account and project received and the keys to check, not the password', async () => {
    const err = await rejectionOf(
      client({ endpoint: emu.url, iamEndpoint: emu.url, auth: password('not-the-password') }).listSkus(),
    );
    expect(err).toBeInstanceOf(AuthFailedError);
    expect(err.message).toMatch(
      /^IAM refused the password login of user "demo" in account "demo" \(project cn-north-4\): the user name, password, account or project is wrong/,
    );
    expect(err.message).toContain(
      'Check `koophone:userName` (or $HW_USER_NAME), `koophone:password` (or $HW_USER_PASSWORD)',
    );
    expect(err.message).toMatch(/\(iam-tokens: HTTP 401, error code \S+, request id [0-9a-f-]+\)$/);
    expect(err.message).not.toContain('not-the-password');
  });

  it('a wrong secret key names koophone:accessKey / koophone:secretKey and the clock', async () => {
    const err = await rejectionOf(
      client({
        endpoint: emu.url,
        auth: { kind: 'aksk', accessKey: DEMO_TENANT.accessKey, secretKey: 'wrong-secret-key' },
      }).listSkus(),
    );
    expect(err.message).toMatch(/^The API gateway rejected the credentials: a wrong access key or secret key/);
    expect(err.message).toContain(
      'Check `koophone:accessKey` and `koophone:secretKey` (or $HW_ACCESS_KEY, $HW_SECRET_KEY) and the machine clock.',
    );
    expect(err.message).not.toContain('wrong-secret-key');
  });

  it("an answer that is not KooPhone's names koophone:endpoint", async () => {
    const notKooPhone = await startWireFixture(() => ({ status: 200, body: { hello: 'world' } }));
    try {
      const err = await rejectionOf(
        client({ endpoint: notKooPhone.url, auth: { kind: 'token', token: 'static-token-value' } }).listSkus(),
      );
      expect(err.message).toMatch(/^The sku answer \(HTTP 200\) has an unexpected shape at `[^`]+`: /);
      expect(err.message).toContain(
        'The API changed, or `koophone:endpoint` (or $KOOPHONE_ENDPOINT) does not point at the KooPhone API.',
      );
    } finally {
      await notKooPhone.close();
    }
  });

  describe('nothing listening', () => {
    let closedUrl: string;
    beforeAll(async () => {
      const probe = await startWireFixture(() => ({ status: 200, body: '{}' }));
      closedUrl = probe.url;
      await probe.close();
    });

    it('the KooPhone API: says no server answered and names koophone:endpoint, with no "Server said"', async () => {
      const err = await rejectionOf(
        client({ endpoint: closedUrl, auth: { kind: 'token', token: 'static-token-value' } }).listSkus(),
      );
      expect(err).toBeInstanceOf(KooPhoneNetworkError);
      expect(err.message).toBe(
        `Could not reach the KooPhone API at ${closedUrl}: connection refused (nothing listens there), ECONNREFUSED; no server ` +
          'answered, even after retries with backoff. Check `koophone:endpoint` (or $KOOPHONE_ENDPOINT) and the network ' +
          `(DNS, proxy, firewall); the request was never sent. (sku: error code NETWORK.ECONNREFUSED, request id ${(err as KooPhoneNetworkError).requestId})`,
      );
      expect(err.message).not.toContain('Server said');
    });

    it('IAM: names koophone:iamEndpoint and its default from koophone:region', async () => {
      const err = await rejectionOf(
        client({ endpoint: emu.url, iamEndpoint: closedUrl, auth: password('x-password') }).listSkus(),
      );
      expect(err.message).toMatch(
        new RegExp(`^Could not reach IAM at ${closedUrl.replace(/[.]/g, '\\.')}: connection refused`),
      );
      expect(err.message).toContain(
        'Check `koophone:iamEndpoint` (or $KOOPHONE_IAM_ENDPOINT), by default https://iam.{region}.myhuaweicloud.com from `koophone:region`',
      );
      expect(err.message).not.toContain('Server said');
    });
  });
});
