import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { anonymousAuthenticator } from './authenticators';
import { AuthFailedError } from './errors';
import { IamTokenProvider } from './iam-token';
import { KooPhoneClient, type AuthConfig } from './index';
import { SecretRedactor } from './redact';
import {
  fail,
  ok,
  startWireFixture,
  type ScriptedReply,
  type SeenRequest,
  type WireFixture,
} from './testing/wire-fixture';
import { Transport } from './transport';

/** The three auth modes against scripted IAM / KooPhone servers on 127.0.0.1:0. */

const PASSWORD = 'Sup3r-Secret-Passw0rd';
const PASSWORD_AUTH: AuthConfig = {
  kind: 'password',
  domainName: 'demo',
  userName: 'demo',
  password: PASSWORD,
  projectName: 'cn-north-4',
};
const DAY_MS = 24 * 3600 * 1000;

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** IAM + KooPhone on one origin, as the emulator serves them. Tokens are `MII-token-<n>`; `accept` decides which work. */
async function iamAndApi(
  opts: {
    accept?: (token: string) => boolean;
    iamReply?: (req: SeenRequest, n: number) => ScriptedReply | undefined;
    apiReply?: (req: SeenRequest) => ScriptedReply;
  } = {},
) {
  let issued = 0;
  const f = await startWireFixture((req) => {
    if (req.path === '/v3/auth/tokens') {
      const custom = opts.iamReply?.(req, issued);
      if (custom) return custom;
      issued++;
      const now = Date.now();
      return {
        status: 201,
        delayMs: 20,
        headers: { 'X-Subject-Token': `MII-token-${issued}` },
        body: {
          token: {
            expires_at: new Date(now + DAY_MS).toISOString().replace('Z', '000Z'),
            issued_at: new Date(now).toISOString(),
            methods: ['password'],
          },
        },
      };
    }
    const token = req.headers['x-auth-token'] ?? '';
    if (!(opts.accept ?? (() => true))(token))
      return fail(401, 'APIGW.0301', 'Incorrect IAM authentication information');
    return opts.apiReply?.(req) ?? ok({ status_results: [] });
  });
  open.push(f);
  return f;
}

function passwordClient(f: WireFixture, auth: AuthConfig = PASSWORD_AUTH, iamUrl?: string): KooPhoneClient {
  const c = new KooPhoneClient({ endpoint: f.url, iamEndpoint: iamUrl, auth, retryBaseMs: 1, maxRetries: 2 });
  open.push(c);
  return c;
}

const iamCalls = (f: WireFixture) => f.count('/v3/auth/tokens');
const apiCalls = (f: WireFixture) => f.count('/v1/');

describe('password (IAM token) auth', () => {
  it('asks IAM for a project-scoped token once and sends it as X-Auth-Token', async () => {
    const f = await iamAndApi();
    const c = passwordClient(f);
    await c.batchQueryStatus(['a44uhlf7']);
    await c.batchQueryStatus(['a44uhlf7']);
    expect(iamCalls(f)).toBe(1);
    const iam = f.requests.find((r) => r.path === '/v3/auth/tokens')!;
    expect(iam.query).toEqual({ nocatalog: 'true' });
    expect(iam.headers['x-auth-token']).toBeUndefined();
    expect(iam.body).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', password: PASSWORD, domain: { name: 'demo' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
    expect(f.requests.filter((r) => r.path.startsWith('/v1/')).map((r) => r.headers['x-auth-token'])).toEqual([
      'MII-token-1',
      'MII-token-1',
    ]);
  });

  it('scopes by project id when one is given', async () => {
    const f = await iamAndApi();
    await passwordClient(f, { ...PASSWORD_AUTH, projectName: undefined, projectId: '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b' })
      .listSkus()
      .catch(() => undefined);
    const iam = f.requests.find((r) => r.path === '/v3/auth/tokens')!;
    expect((iam.body as { auth: { scope: unknown } }).auth.scope).toEqual({
      project: { id: '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b' },
    });
  });

  it('single flight: 25 concurrent calls with a cold cache make exactly one IAM call', async () => {
    const f = await iamAndApi();
    const c = passwordClient(f);
    await Promise.all(Array.from({ length: 25 }, () => c.batchQueryStatus(['a44uhlf7'])));
    expect(iamCalls(f)).toBe(1);
    expect(apiCalls(f)).toBe(25);
  });

  it('a 401 triggers one re-authentication and one retry', async () => {
    const f = await iamAndApi({ accept: (t) => t !== 'MII-token-1' });
    await passwordClient(f).batchQueryStatus(['a44uhlf7']);
    expect(iamCalls(f)).toBe(2);
    expect(apiCalls(f)).toBe(2);
  });

  it('20 concurrent calls rejected with the same stale token share one re-authentication', async () => {
    const f = await iamAndApi({ accept: (t) => t !== 'MII-token-1' });
    const c = passwordClient(f);
    await Promise.all(Array.from({ length: 20 }, () => c.batchQueryStatus(['a44uhlf7'])));
    expect(iamCalls(f)).toBe(2);
    expect(apiCalls(f)).toBe(40);
  });

  it('a second 401 with a fresh token is final: AuthFailedError after exactly one re-authentication', async () => {
    const f = await iamAndApi({ accept: () => false });
    await expect(passwordClient(f).batchQueryStatus(['a44uhlf7'])).rejects.toBeInstanceOf(AuthFailedError);
    expect(iamCalls(f)).toBe(2);
    expect(apiCalls(f)).toBe(2);
  });

  it('a 401 carrying a permission code (1001) is not a token problem: no re-authentication', async () => {
    const f = await iamAndApi({ apiReply: () => fail(401, 'KOOPHONE.API.1001', 'no permission') });
    await expect(passwordClient(f).rebootInstances(['other001'])).rejects.toBeInstanceOf(AuthFailedError);
    expect(iamCalls(f)).toBe(1);
    expect(apiCalls(f)).toBe(1);
  });

  it('IAM refusing the password is AuthFailedError naming user and account, never the password', async () => {
    const f = await iamAndApi({
      iamReply: () => ({
        status: 401,
        body: { error: { code: 401, message: `wrong password ${PASSWORD}`, title: 'Unauthorized' } },
      }),
    });
    const err = (await passwordClient(f)
      .listSkus()
      .catch((e: unknown) => e)) as AuthFailedError;
    expect(err).toBeInstanceOf(AuthFailedError);
    expect(err.message).toContain('"demo"');
    expect(err.message).not.toContain(PASSWORD);
    expect(JSON.stringify(err)).not.toContain(PASSWORD);
    expect(apiCalls(f)).toBe(0);
  });

  it('IAM without X-Subject-Token is an unexpected answer naming the header', async () => {
    const f = await iamAndApi({
      iamReply: () => ({ status: 201, body: { token: { expires_at: '2030-01-01T00:00:00.000000Z' } } }),
    });
    await expect(passwordClient(f).listSkus()).rejects.toThrow(/X-Subject-Token/);
  });

  it('IAM on its own origin; listProjects goes there with the token', async () => {
    const project = { id: '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b', name: 'cn-north-4', domain_id: 'd1', enabled: true };
    const iam = await iamAndApi({
      apiReply: (r) =>
        r.path === '/v3/auth/projects' ? { status: 200, body: { projects: [project] } } : fail(404, 'HTTP.404'),
    });
    const api = await startWireFixture(() => ok({ status_results: [] }));
    open.push(api);
    const c = passwordClient(api, PASSWORD_AUTH, iam.url);
    await c.batchQueryStatus(['a44uhlf7']);
    await expect(c.listProjects()).resolves.toEqual([project]);
    expect(iamCalls(iam)).toBe(1);
    expect(iamCalls(api)).toBe(0);
    expect(api.requests[0].headers['x-auth-token']).toBe('MII-token-1');
    expect(iam.requests.find((r) => r.path === '/v3/auth/projects')!.headers['x-auth-token']).toBe('MII-token-1');
  });
});

describe('IamTokenProvider refresh timing', () => {
  async function provider(f: WireFixture, clock: { now: number }) {
    const redactor = new SecretRedactor();
    const iam = new Transport({
      endpoint: f.url,
      auth: anonymousAuthenticator,
      redactor,
      timeoutMs: 5000,
      maxRetries: 0,
      concurrency: 2,
      retryBaseMs: 1,
      maxRetryDelayMs: 1,
      userAgent: 'test',
      validateRequests: true,
    });
    open.push(iam);
    return new IamTokenProvider(
      iam,
      { domainName: 'demo', userName: 'demo', password: PASSWORD, projectName: 'cn-north-4' },
      redactor,
      () => clock.now,
    );
  }

  it('reuses the token until less than an hour of its 24 h is left, then fetches a new one', async () => {
    const f = await iamAndApi();
    const clock = { now: 1_000_000 };
    const tokens = await provider(f, clock);
    expect(await tokens.token()).toBe('MII-token-1');
    clock.now += 22 * 3600 * 1000;
    expect(await tokens.token()).toBe('MII-token-1');
    clock.now += 3600 * 1000 + 1000; // 23 h and 1 s after issue: < 1 h left
    expect(await tokens.token()).toBe('MII-token-2');
    expect(iamCalls(f)).toBe(2);
  });

  it('keeps using a still-valid token when an early refresh fails, and fails once it has expired', async () => {
    let iamDown = false;
    const f = await iamAndApi({ iamReply: () => (iamDown ? { status: 503, body: '' } : undefined) });
    const clock = { now: 0 };
    const tokens = await provider(f, clock);
    await tokens.token();
    iamDown = true;
    clock.now += 23.5 * 3600 * 1000;
    expect(await tokens.token()).toBe('MII-token-1');
    clock.now += 3600 * 1000;
    await expect(tokens.token()).rejects.toThrow(/HTTP 503|HTTP\.503/);
  });
});

describe('AK/SK auth', () => {
  const AK = 'DEMOACCESSKEY0000000';
  const SK = 'demo-secret-key';

  /** Verifies each request with the official Huawei signer over exactly what arrived on the wire. */
  function officialVerdict(req: SeenRequest, securityToken?: string): boolean {
    const auth = req.headers.authorization ?? '';
    const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m || m[1] !== AK) return false;
    const headers: Record<string, string> = {};
    for (const name of m[2].split(';')) {
      if (name === 'host' || name === 'x-sdk-date') continue;
      headers[name === 'x-security-token' ? 'X-Security-Token' : name] = req.headers[name];
    }
    if (securityToken && headers['X-Security-Token'] !== securityToken) return false;
    const expected = AKSKSigner.sign(
      {
        endpoint: `http://${req.headers.host}${req.path}`,
        method: req.method,
        headers: { ...headers, 'X-Sdk-Date': req.headers['x-sdk-date'] },
        queryParams: req.query,
        data: req.rawBody ? JSON.parse(req.rawBody) : undefined,
      },
      {
        getAk: () => AK,
        getSk: () => SK,
        processAuthRequest: async (_c, r) => r,
        processAuthParams: async function () {
          return this;
        },
      },
    ) as Record<string, string>;
    return expected.Authorization === auth;
  }

  it.each([[undefined], ['temporary-security-token-0123456789']])(
    'every request verifies with the official signer (security token: %s)',
    async (securityToken) => {
      const verdicts: boolean[] = [];
      const f = await startWireFixture((req) => {
        const good = officialVerdict(req, securityToken);
        verdicts.push(good);
        if (!good) return fail(401, 'APIGW.0301', 'signature mismatch');
        if (req.path.endsWith('/batch-query')) return ok({ result: [], total_count: 0 });
        if (req.path.endsWith('/auth'))
          return ok({
            device_token: 'dee5081f40c83ddea3ded91c387351e9',
            resource: { device_id: 'd', kp_id: 'Q39YyZvl' },
          });
        return ok({ status_results: [] });
      });
      open.push(f);
      const c = new KooPhoneClient({
        endpoint: f.url,
        auth: { kind: 'aksk', accessKey: AK, secretKey: SK, securityToken },
      });
      open.push(c);
      await c.listInstances({
        pageNo: 1,
        pageSize: 100,
        instanceName: 'kp demo 你好 & co',
        poolSceneTag: 'CLOUD_PHONE',
      });
      await c.batchQueryStatus(['a44uhlf7', 'efjy72gs']);
      await c.getDeviceToken('Q39YyZvl');
      expect(verdicts).toEqual([true, true, true]);
      for (const r of f.requests) {
        expect(r.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
        expect(JSON.stringify(r)).not.toContain(SK);
      }
      expect(f.requests[0].headers.authorization).toContain('SignedHeaders=host;x-request-id;x-sdk-date');
      expect(f.requests[1].headers.authorization).toContain(
        `SignedHeaders=content-type;host;x-request-id;${securityToken ? 'x-sdk-date;x-security-token' : 'x-sdk-date'}`,
      );
    },
  );

  it('a 401 with AK/SK is final and the error never contains the secret key', async () => {
    const f = await startWireFixture(() => fail(401, 'APIGW.0301', `bad signature for ${SK}`));
    open.push(f);
    const c = new KooPhoneClient({ endpoint: f.url, auth: { kind: 'aksk', accessKey: AK, secretKey: SK } });
    open.push(c);
    const err = (await c.listSkus().catch((e: unknown) => e)) as AuthFailedError;
    expect(err).toBeInstanceOf(AuthFailedError);
    expect(err.message).not.toContain(SK);
    expect(f.requests).toHaveLength(1);
  });
});
