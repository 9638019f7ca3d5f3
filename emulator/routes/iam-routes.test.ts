import { DEMO_CREDENTIALS, EmulatorHarness } from '../testing/emulator-harness';

function passwordAuth(user: Record<string, unknown>, scope?: unknown) {
  return { auth: { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) } };
}

const DEMO_USER = { name: 'demo', password: 'demo-password', domain: { name: 'demo' } };
const DEMO_PROJECT_ID = '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b';

describe('IAM on the emulator origin (docs/api/endpoints.md#iam-token)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  afterAll(() => emu.close());

  it('issues a long opaque token in X-Subject-Token with 201 and expires_at 24 h after issued_at', async () => {
    const res = await emu.http('POST', '/v3/auth/tokens', {
      body: passwordAuth(DEMO_USER, { project: { name: 'cn-north-4' } }),
    });
    expect(res.status).toBe(201);
    const token = res.headers['x-subject-token'] as string;
    expect(token.length).toBeGreaterThan(1000);
    expect(token.startsWith('MII')).toBe(true);
    const body = res.json.token;
    expect(Date.parse(body.expires_at) - Date.parse(body.issued_at)).toBe(24 * 3600 * 1000);
    expect(body.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(body.project).toEqual({
      id: DEMO_PROJECT_ID,
      name: 'cn-north-4',
      domain: { id: expect.any(String), name: 'demo' },
    });
    expect(body.user).toMatchObject({ name: 'demo', domain: { name: 'demo' } });
    expect(body.methods).toEqual(['password']);
    expect(body.catalog[0].endpoints[0].url).toBe(emu.url);
  });

  it('scopes by project id, by domain, or not at all; nocatalog=true drops the catalog', async () => {
    const byId = await emu.http('POST', '/v3/auth/tokens?nocatalog=true', {
      body: passwordAuth(DEMO_USER, { project: { id: DEMO_PROJECT_ID } }),
    });
    expect(byId.status).toBe(201);
    expect(byId.json.token.catalog).toBeUndefined();
    const byDomain = await emu.http('POST', '/v3/auth/tokens', {
      body: passwordAuth(DEMO_USER, { domain: { name: 'demo' } }),
    });
    expect([byDomain.status, byDomain.json.token.domain.name]).toEqual([201, 'demo']);
    const unscoped = await emu.http('POST', '/v3/auth/tokens', { body: passwordAuth(DEMO_USER) });
    expect(unscoped.status).toBe(201);
    const listed = await emu.api('GET', '/v1/instances/sku?type=0', {
      token: unscoped.headers['x-subject-token'] as string,
    });
    expect(listed.json.error_code).toBe('0');
  });

  it('answers a wrong password or unknown user with 401 and a Keystone-style error, same message for both', async () => {
    const wrong = await emu.http('POST', '/v3/auth/tokens', {
      body: passwordAuth({ ...DEMO_USER, password: 'nope' }, { project: { name: 'cn-north-4' } }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' },
    });
    expect(wrong.headers['x-subject-token']).toBeUndefined();
    const unknown = await emu.http('POST', '/v3/auth/tokens', { body: passwordAuth({ ...DEMO_USER, name: 'ghost' }) });
    expect([unknown.status, unknown.json.error.message]).toEqual([401, 'The username or password is wrong.']);
    expect(wrong.text).not.toContain('nope');
  });

  it('refuses a project the user cannot access with 401', async () => {
    const res = await emu.http('POST', '/v3/auth/tokens', {
      body: passwordAuth(DEMO_USER, { project: { name: 'ap-southeast-1' } }),
    });
    expect([res.status, res.json.error.code]).toEqual([401, 401]);
  });

  it('answers malformed bodies with 400 and other identity methods with 501', async () => {
    const malformed = await emu.http('POST', '/v3/auth/tokens', { rawBody: '{"auth":' });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 400]);
    const incomplete = await emu.http('POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'] } } },
    });
    expect(incomplete.status).toBe(400);
    const noDomain = await emu.http('POST', '/v3/auth/tokens', {
      body: passwordAuth({ name: 'demo', password: 'demo-password' }),
    });
    expect(noDomain.status).toBe(400);
    const token = await emu.http('POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['token'], token: { id: 'x' } } } },
    });
    expect(token.status).toBe(501);
    expect(token.json.error_msg).toContain('iam-tokens');
  });

  it('lists the token user projects; 401 without a valid token', async () => {
    const token = await emu.issueToken(DEMO_CREDENTIALS);
    const res = await emu.http('GET', '/v3/auth/projects', { token });
    expect(res.status).toBe(200);
    expect(res.json.projects).toEqual([
      expect.objectContaining({
        id: DEMO_PROJECT_ID,
        name: 'cn-north-4',
        enabled: true,
        domain_id: expect.any(String),
      }),
    ]);
    expect((await emu.http('GET', '/v3/auth/projects')).status).toBe(401);
    expect((await emu.http('GET', '/v3/auth/projects', { token: 'MIIPbogus' })).status).toBe(401);
  });

  it('issues tokens for a seeded second tenant, scoped to its own project', async () => {
    await emu.control('POST', '/seed', {
      tenants: [
        {
          domainName: 'acme',
          userName: 'ops',
          password: 'acme-pass',
          projectName: 'cn-north-7',
          projectId: 'acme0000000000000000000000000001',
        },
      ],
    });
    const token = await emu.issueToken({
      domainName: 'acme',
      userName: 'ops',
      password: 'acme-pass',
      projectName: 'cn-north-7',
    });
    const res = await emu.http('GET', '/v3/auth/projects', { token });
    expect(res.json.projects.map((p: { id: string }) => p.id)).toEqual(['acme0000000000000000000000000001']);
  });
});
