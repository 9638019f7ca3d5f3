import { request } from 'undici';
import { EmulatorHarness } from './testing/emulator-harness';

describe('bad input never crashes the emulator', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    await emu.seedInstances([{ instanceName: 'b-00001', instanceId: 'a44uhlf7' }]);
  });
  afterAll(() => emu.close());

  const POST_PATHS = [
    '/v1/instances/sync-command',
    '/v1/instances/async-command',
    '/v1/instances/batch-query-status',
    '/v1/instances/batch-reset',
    '/v1/instances/assign',
    '/v1/instances/unassign',
    '/v1/instances/reboot',
    '/v1/instances/create',
    '/v1/instances/delete',
    '/v1/instances/prepare',
    '/v1/instances/prepare-progress',
    '/v1/instances/backup',
    '/v1/instances/app/install',
  ];

  it.each([
    '{"instance_ids":',
    'null',
    '[]',
    '"text"',
    '42',
    '',
    '{"instance_ids":["a44uhlf7"],"unknown":1}',
    '{"instance_ids":[1,2]}',
  ])('answers body %j with KOOPHONE.API.1000 / HTTP 400 on every POST endpoint', async (rawBody) => {
    for (const path of POST_PATHS) {
      const res = await emu.api('POST', path, { rawBody, headers: { 'content-type': 'application/json' } });
      expect([path, res.status, res.json.error_code]).toEqual([path, 400, 'KOOPHONE.API.1000']);
    }
    const put = await emu.api('PUT', '/v1/instances/video-setting', {
      rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect([put.status, put.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
  });

  it('parses JSON regardless of content-type and rejects invalid UTF-8 / deep nesting without a 500', async () => {
    const plain = await emu.api('POST', '/v1/instances/batch-query-status', {
      rawBody: '{"instance_ids":["a44uhlf7"]}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.json.error_code).toBe('0');
    const deep = await emu.api('POST', '/v1/instances/batch-query-status', {
      rawBody: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    });
    expect(deep.status).toBe(400);
    const res = await request(`${emu.url}/v1/instances/batch-query-status`, {
      method: 'POST',
      headers: { 'x-auth-token': await emu.token(), 'x-request-id': 'r1', 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(res.statusCode).toBe(400);
    await res.body.dump();
  });

  it('answers unknown paths and methods with a 404 envelope', async () => {
    for (const [method, path] of [
      ['GET', '/v1/instances/unknown'],
      ['GET', '/v1/instances/create'],
      ['DELETE', '/v1/instances/a44uhlf7'],
      ['GET', '/'],
      ['POST', '/v2/instances/create'],
    ]) {
      const res = await emu.api(method, path);
      expect([method, path, res.status, res.json.error_code]).toEqual([method, path, 404, 'APIGW.0101']);
    }
  });

  it('serves the SDK-only endpoints: bad input there is 1000, never 501 or a crash', async () => {
    for (const [method, path] of [
      ['GET', '/v1/instances/a44uhlf7/app-list'],
      ['POST', '/v1/instances/session/release'],
      ['POST', '/v1/instances/streaming/stop'],
    ]) {
      const res = await emu.api(method, path, method === 'GET' ? {} : { body: {} });
      expect([path, res.status, res.json.error_code]).toEqual([path, 400, 'KOOPHONE.API.1000']);
    }
  });

  it('answers a body over the 12 MB limit with 413 and an envelope', async () => {
    const res = await emu.api('POST', '/v1/instances/create', { rawBody: `{"os":"${'x'.repeat(13 * 1024 * 1024)}"}` });
    expect([res.status, res.json.error_code]).toEqual([413, 'KOOPHONE.API.1000']);
  });

  it('answers malformed percent-encoding in a path with a 1000 envelope and tolerates it in a query', async () => {
    for (const [method, path] of [
      ['POST', '/v1/instances/%E0%A4%A/auth'],
      ['GET', '/v1/instances/tasks/%ZZ'],
    ]) {
      const res = await emu.api(method, path);
      expect([path, res.status, res.json.error_code]).toEqual([path, 400, 'KOOPHONE.API.1000']);
    }
    const query = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10&instance_name=%E0%A4%A');
    expect([query.status, query.json.data.total_count]).toEqual([200, 0]);
  });

  it('echoes x-request-id on answers', async () => {
    const res = await emu.api('GET', '/v1/instances/sku?type=0', {
      headers: { 'x-request-id': 'trace-123' },
      requestId: false,
    });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});

describe('tenant isolation', () => {
  let emu: EmulatorHarness;
  let acmeToken: string;
  let demoPhone: string;
  let acmePhone: string;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    const seeded = await emu.control('POST', '/seed', {
      tenants: [
        {
          domainName: 'acme',
          userName: 'ops',
          password: 'acme-pass',
          projectName: 'cn-north-7',
          users: ['2000000000000000001'],
        },
      ],
      instances: [
        { instanceName: 'shared-00001' },
        { instanceName: 'shared-00001', tenant: 'acme', assignUser: '2000000000000000001' },
      ],
    });
    [demoPhone, acmePhone] = seeded.instances.map((i: { instanceId: string }) => i.instanceId);
    acmeToken = await emu.issueToken({
      domainName: 'acme',
      userName: 'ops',
      password: 'acme-pass',
      projectName: 'cn-north-7',
    });
  });
  afterAll(() => emu.close());

  it('batch-query shows each tenant only its own phones, even with the same name or an explicit id', async () => {
    const demo = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=100&instance_name=shared');
    expect(demo.json.data.result.map((r: { instance_id: string }) => r.instance_id)).toEqual([demoPhone]);
    const probe = await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=100&instance_id=${acmePhone}`);
    expect(probe.json.data.total_count).toBe(0);
    const acme = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=100', { token: acmeToken });
    expect(
      acme.json.data.result.map((r: { instance_id: string; project_name: string }) => [r.instance_id, r.project_name]),
    ).toEqual([[acmePhone, 'cn-north-7']]);
  });

  it("refuses every operation on another tenant's phone with 1001 (HTTP 401) and changes nothing", async () => {
    const calls: [string, string, unknown][] = [
      ['POST', '/v1/instances/batch-query-status', { instance_ids: [acmePhone] }],
      ['POST', '/v1/instances/reboot', { instance_ids: [acmePhone] }],
      ['POST', '/v1/instances/batch-reset', { instance_ids: [acmePhone] }],
      ['POST', '/v1/instances/sync-command', { command: 'id', instance_ids: [acmePhone] }],
      ['POST', '/v1/instances/async-command', { command: 'id', instance_ids: [acmePhone] }],
      [
        'POST',
        '/v1/instances/unassign',
        { user_instances: [{ instance_id: acmePhone, user_id: '2000000000000000001' }] },
      ],
      [
        'POST',
        '/v1/instances/assign',
        { user_instances: [{ instance_id: acmePhone, user_id: '1008600000104285462' }] },
      ],
      ['POST', '/v1/instances/backup', { instance_ids: [acmePhone] }],
      ['POST', '/v1/instances/prepare', { user_id: '2000000000000000001', instance_ids: [acmePhone] }],
      ['POST', `/v1/instances/${acmePhone}/auth`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const res = await emu.api(method, path, { body });
      expect([path, res.status, res.json.error_code]).toEqual([path, 401, 'KOOPHONE.API.1001']);
    }
    const del = await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: [acmePhone] } });
    expect([del.status, del.json.error_code]).toEqual([401, 'KOOPHONE.API.1001']);
    const acme = await emu.control('GET', '/instances');
    const record = acme.instances.find((i: { instanceId: string }) => i.instanceId === acmePhone);
    expect([record.runningStatus, record.assignUser]).toEqual([2, '2000000000000000001']);
  });

  it('answers a list mixing own and foreign phones with 1012 (HTTP 400 on delete, 200 elsewhere)', async () => {
    const del = await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: [demoPhone, acmePhone] } });
    expect([del.status, del.json.error_code]).toEqual([400, 'KOOPHONE.API.1012']);
    const status = await emu.api('POST', '/v1/instances/batch-query-status', {
      body: { instance_ids: [demoPhone, acmePhone] },
    });
    expect([status.status, status.json.error_code]).toEqual([200, 'KOOPHONE.API.1012']);
  });

  it("hides another tenant's tasks", async () => {
    const task = await emu.api('POST', '/v1/instances/async-command', {
      body: { command: 'id', instance_ids: [acmePhone] },
      token: acmeToken,
    });
    const probe = await emu.api('GET', `/v1/instances/tasks/${task.json.data.task_id}`);
    expect(probe.json.error_code).toBe('KOOPHONE.API.1000');
    const own = await emu.api('GET', `/v1/instances/tasks/${task.json.data.task_id}`, { token: acmeToken });
    expect(own.json.error_code).toBe('0');
  });
});
