import { request } from 'undici';
import { startEmulator } from '../../emulator';
import { DEMO_CREDENTIALS } from '../../emulator/testing/emulator-harness';
import {
  AuthFailedError,
  InvalidArgumentError,
  KooPhoneApiError,
  KooPhoneClient,
  KooPhoneOutcomeUnknownError,
  NotFoundError,
  PayPerUseNotDeletableError,
  type AuthConfig,
  type CreateInstancesRequest,
  type KooPhoneClientOptions,
  type VideoSettingRequest,
} from './index';

/**
 * Contract tests: the client against the real emulator (in-process, 127.0.0.1:0), every endpoint with each of the
 * three auth modes, then the documented error paths and limits of docs/api/endpoints.md. Expectations come from the
 * reference, not from the emulator's code.
 */

const STEP = 60; // provision / release / task seconds; the virtual clock is moved instead of waiting
const DEMO = DEMO_CREDENTIALS;
const AK = 'DEMOACCESSKEY0000000';
const SK = 'demo-secret-key';
const USER_A = '1008600000104285462';
const USER_B = '1008600000104285463';
const SKU = 'kp.professional.xlarge.32g.2';

let emu: { url: string; close(): Promise<void> };
const clients: KooPhoneClient[] = [];

// A fresh emulator per test: /_emulator/reset does not rewind the virtual clock, and the emulator checks X-Sdk-Date
// against that clock, so AK/SK calls would fail (skew > 15 min) once earlier tests had advanced it.
beforeEach(async () => {
  emu = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    dataDir: null,
    provisionSeconds: STEP,
    releaseSeconds: STEP,
  });
  await control('PUT', '/settings', { taskSeconds: STEP });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await emu.close();
});

// ---- helpers: the emulator's control plane, spoken over plain HTTP ----

async function control(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await request(`${emu.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.body.json()) as Record<string, unknown>;
  if (res.statusCode >= 400) throw new Error(`control ${method} ${path}: ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

async function counters(): Promise<Record<string, number>> {
  return (await control('GET', '/counters')).counters as Record<string, number>;
}

const advance = (seconds: number) => control('POST', '/clock', { advanceSeconds: seconds });
const fault = (f: Record<string, unknown>) => control('POST', '/faults', f);

async function seedInstances(instances: Array<Record<string, unknown>>): Promise<string[]> {
  const out = await control('POST', '/seed', { instances });
  return (out.instances as Array<{ instanceId: string }>).map((i) => i.instanceId);
}

/** A raw IAM login, for the static-token mode. */
async function issueToken(creds = DEMO): Promise<string> {
  const res = await request(`${emu.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: creds.userName, password: creds.password, domain: { name: creds.domainName } } },
        },
        scope: { project: { name: creds.projectName } },
      },
    }),
  });
  await res.body.text();
  const token = res.headers['x-subject-token'];
  if (res.statusCode !== 201 || typeof token !== 'string') throw new Error(`IAM login failed: ${res.statusCode}`);
  return token;
}

type Mode = 'password' | 'aksk' | 'token';

async function authFor(mode: Mode): Promise<AuthConfig> {
  if (mode === 'password') return { kind: 'password', ...DEMO };
  if (mode === 'aksk') return { kind: 'aksk', accessKey: AK, secretKey: SK };
  return { kind: 'token', token: await issueToken() };
}

function client(auth: AuthConfig, extra: Partial<KooPhoneClientOptions> = {}): KooPhoneClient {
  const c = new KooPhoneClient({ endpoint: emu.url, auth, retryBaseMs: 1, ...extra });
  clients.push(c);
  return c;
}

function createRequest(prefix: string, overrides: Partial<CreateInstancesRequest> = {}): CreateInstancesRequest {
  return {
    os: 'AOSP11',
    instanceSkuId: SKU,
    bandSkuId: 'kp.bandwidth',
    regionId: 'cn-north-4',
    instanceNamePrefix: prefix,
    bandSize: 4,
    count: 1,
    network: 'EIP',
    chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1, isAutoRenew: 0 },
    ...overrides,
  };
}

/** Buys phones and moves the clock past provisioning: they are running (2). */
async function runningPhones(c: KooPhoneClient, prefix: string, count = 1): Promise<string[]> {
  const created = await c.createInstances(createRequest(prefix, { count }));
  await advance(STEP + 1);
  return created.instanceInfos.map((i) => i.instanceId);
}

function videoRequest(ids: string[]): VideoSettingRequest {
  const group = {
    definition_540P: { code_rate: 2000, fps: 30 as const },
    definition_720P: { code_rate: 4000, fps: 30 as const },
    definition_1080P: { code_rate: 8000, fps: 60 as const },
  };
  const settings = (['MOBILE_NETWORK', 'WIFI', 'WIRED'] as const).flatMap((network_type) =>
    (['H264', 'H265'] as const).map((encoding_type) => ({ network_type, encoding_type, video_spec_groups: [group] })),
  );
  return { instance_ids: ids, instance_settings: settings };
}

async function rejection(p: Promise<unknown>): Promise<KooPhoneApiError> {
  try {
    await p;
  } catch (err) {
    return err as KooPhoneApiError;
  }
  throw new Error('expected a rejection');
}

// ---- every endpoint, each auth mode ----

describe.each<Mode>(['password', 'aksk', 'token'])('every endpoint with %s auth', (mode) => {
  let c: KooPhoneClient;
  beforeEach(async () => {
    c = client(await authFor(mode));
  });

  it('sku: lists the catalogue with the band SKU and both regions', async () => {
    const cat = await c.listSkus('0');
    expect(cat.bandInfo.cbcSkuId).toBe('kp.bandwidth');
    expect(cat.skuSpecResponseList.map((r) => r.regionId)).toEqual(
      expect.arrayContaining(['cn-north-4', 'cn-north-7']),
    );
    const pro = cat.skuSpecResponseList.flatMap((r) => r.skuResponses).find((s) => s.cbcSkuId === SKU);
    expect(pro).toMatchObject({ type: 'PROFESSIONAL', bandSize: '4,6', chargeMode: 2 });
  });

  it('create / batch-query / batch-query-status: phones start (4), then run (2), named {prefix}-{5 digits}', async () => {
    const created = await c.createInstances(createRequest('kpc', { count: 2 }));
    expect(created.orderId).toMatch(/\S/);
    expect(created.instanceInfos.map((i) => i.instanceName)).toEqual(['kpc-00001', 'kpc-00002']);
    const ids = created.instanceInfos.map((i) => i.instanceId);
    expect((await c.batchQueryStatus(ids)).map((s) => s.status)).toEqual([4, 4]);
    await advance(STEP + 1);
    expect((await c.batchQueryStatus(ids)).map((s) => s.status)).toEqual([2, 2]);
    const listed = await c.listAllInstances({ instanceName: 'kpc' });
    expect(listed.map((r) => r.instance_id).sort()).toEqual([...ids].sort());
    expect(listed[0]).toMatchObject({
      region: 'cn-north-4',
      billing_mode: '1',
      running_status: 2,
      frozen_status: 0,
      project_name: 'cn-north-4',
    });
    const byId = await c.listInstances({ pageNo: 1, pageSize: 10, instanceId: ids[1] });
    expect(byId.result.map((r) => r.instance_id)).toEqual([ids[1]]);
    expect(byId.totalCount).toBe(1);
  });

  it('assign / unassign: visible as assign_status / assign_user in batch-query', async () => {
    const [id] = await runningPhones(c, 'kpa');
    await c.assignInstances([{ instance_id: id, user_id: USER_A }]);
    expect((await c.listAllInstances({ instanceId: id }))[0]).toMatchObject({ assign_status: 1, assign_user: USER_A });
    await c.unassignInstances([{ instance_id: id, user_id: USER_A }]);
    const after = (await c.listAllInstances({ instanceId: id }))[0];
    expect(after.assign_status).toBe(0);
    expect(after.assign_user ?? '').toBe('');
  });

  it('video-setting: all six network×encoding settings are applied', async () => {
    const [id] = await runningPhones(c, 'kpv');
    await c.setVideoConfig(videoRequest([id]));
    const applied = await control('GET', `/video-settings/${id}`);
    expect(applied.instanceSettings).toEqual(videoRequest([id]).instance_settings);
  });

  it('reboot and batch-reset: running phones restart (4) and come back (2)', async () => {
    const [id] = await runningPhones(c, 'kpr');
    await c.rebootInstances([id]);
    expect((await c.batchQueryStatus([id]))[0].status).toBe(4);
    await advance(STEP + 1);
    const task = await c.resetInstances([id]);
    if (task) expect(task.cmd_jobs.map((j) => j.instance_id)).toEqual([id]);
    await advance(STEP + 1);
    expect((await c.batchQueryStatus([id]))[0].status).toBe(2);
  });

  it('auth: issues a device token for the phone', async () => {
    const [id] = await runningPhones(c, 'kpt');
    const token = await c.getDeviceToken(id);
    expect(token.device_token).toMatch(/^[0-9a-f]{32}$/);
    expect(token.resource.kp_id).toBe(id);
  });

  it('sync-command, async-command and tasks: results per instance, jobs mapped by job_id', async () => {
    const ids = await runningPhones(c, 'kpx', 2);
    const results = await c.syncCommand('getprop ro.build.version.release', ids);
    expect(results.map((r) => r.instance_id).sort()).toEqual([...ids].sort());
    expect(results.every((r) => r.status === 2)).toBe(true);
    const task = await c.asyncCommand('ls -l /system', ids);
    expect(task.task_id).toMatch(/^[0-9a-f]{32}$/);
    expect(task.cmd_jobs.map((j) => j.instance_id).sort()).toEqual([...ids].sort());
    await advance(STEP + 1);
    const jobs = await c.getTask(task.task_id);
    expect(jobs.map((j) => j.job_id).sort()).toEqual(task.cmd_jobs.map((j) => j.job_id).sort());
    expect(jobs.every((j) => j.status === 2)).toBe(true);
  });

  it('prepare, prepare-progress (queuing 1 → restoring 2 → done 0) and backup', async () => {
    const [id] = await runningPhones(c, 'kpp');
    await c.assignInstances([{ instance_id: id, user_id: USER_A }]);
    const prepared = await c.prepareInstances(USER_A, [id]);
    expect(prepared.map((p) => p.instance_id)).toEqual([id]);
    const seen = [(await c.getPrepareProgress(USER_A, id)).status];
    for (let i = 0; i < 2; i++) {
      await advance(STEP + 1);
      seen.push((await c.getPrepareProgress(USER_A, id)).status);
    }
    expect(seen).toEqual([1, 2, 0]);
    const backup = await c.backupInstances([id]);
    if (backup) expect(backup.cmd_jobs.map((j) => j.instance_id)).toEqual([id]);
  });

  it('app/install: returns a ZGCA task pollable through tasks', async () => {
    const ids = await runningPhones(c, 'kpi', 2);
    const task = await c.installApp({
      fast_install: '1',
      object_name: 'com.example.app',
      file_name: 'example.apk',
      object_version: '1.2.3',
      object_size: '120',
      biz_type: 'apk',
      content_type: 'application/octet-stream',
      content_md5: '9e107d9d372bb6826bd81d3542a419d6',
      install_package_url:
        'https://bucket.obs.cn-north-7.example.com/apps/example.apk?AccessKeyId=x&Expires=1&Signature=y',
      instance_id_list: ids,
    });
    expect(task.task_id).toMatch(/^ZGCA/);
    expect(task.cmd_jobs.map((j) => j.instance_id).sort()).toEqual([...ids].sort());
    await advance(STEP + 1);
    expect((await c.getTask(task.task_id)).length).toBe(2);
  });

  it('delete: the phone goes offline (3), then disappears', async () => {
    const [id] = await runningPhones(c, 'kpd');
    await c.deleteInstances([id]);
    expect((await c.batchQueryStatus([id]))[0]?.status).toBe(3);
    await advance(STEP + 1);
    expect(await c.listAllInstances({ instanceId: id })).toEqual([]);
  });
});

// docs/api/endpoints.md#iam-token documents GET /v3/auth/projects with X-Auth-Token only; the emulator refuses AK/SK there (see the report).
describe.each<Mode>(['password', 'token'])('IAM projects with %s auth', (mode) => {
  it('lists the demo project', async () => {
    const projects = await client(await authFor(mode)).listProjects();
    expect(projects.map((p) => p.name)).toContain('cn-north-4');
  });
});

// ---- documented error paths and limits ----

describe('error paths and limits (server-side, client validation off)', () => {
  let c: KooPhoneClient;
  beforeEach(() => {
    c = client({ kind: 'password', ...DEMO }, { validateRequests: false, maxRetries: 0 });
  });

  const tooMany = Array.from({ length: 101 }, (_, i) => `id${String(i).padStart(6, '0')}`);
  const tooLong = 'x'.repeat(33);

  it.each<[string, (k: KooPhoneClient, ids: string[]) => Promise<unknown>]>([
    ['batch-query-status', (k, ids) => k.batchQueryStatus(ids)],
    ['reboot', (k, ids) => k.rebootInstances(ids)],
    ['batch-reset', (k, ids) => k.resetInstances(ids)],
    ['delete', (k, ids) => k.deleteInstances(ids)],
    ['backup', (k, ids) => k.backupInstances(ids)],
    ['video-setting', (k, ids) => k.setVideoConfig(videoRequest(ids))],
    ['sync-command', (k, ids) => k.syncCommand('ls', ids)],
    ['async-command', (k, ids) => k.asyncCommand('ls', ids)],
    ['prepare', (k, ids) => k.prepareInstances(USER_A, ids)],
    ['assign', (k, ids) => k.assignInstances(ids.map((instance_id) => ({ instance_id, user_id: USER_A })))],
    ['unassign', (k, ids) => k.unassignInstances(ids.map((instance_id) => ({ instance_id, user_id: USER_A })))],
  ])('%s: 101 ids and a 33-char id are KOOPHONE.API.1000 (InvalidArgumentError)', async (op, call) => {
    for (const ids of [tooMany, [tooLong]]) {
      const err = await rejection(call(c, ids));
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect({ op, code: err.normalizedCode, status: err.status }).toEqual({ op, code: '1000', status: 400 }); // docs/api/endpoints.md#errors: 1000 → 400
    }
    expect((await counters())[op]).toBe(2); // both reached the server
  });

  it('create: count 2001 (SDK maximum 2000) and a 15-char name prefix are 1000', async () => {
    for (const req of [createRequest('kpl', { count: 2001 }), createRequest('a'.repeat(15))]) {
      const err = await rejection(c.createInstances(req));
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect(err.normalizedCode).toBe('1000');
    }
  });

  it('create: periodNum 10 months is 3006, 4 years is 3007; 9 months and 3 years are accepted', async () => {
    const month = await rejection(
      c.createInstances(
        createRequest('kpm', { chargeParam: { chargingMode: 1, periodType: 2, periodNum: 10, isAutoPay: 1 } }),
      ),
    );
    expect(month).toBeInstanceOf(InvalidArgumentError);
    expect([month.normalizedCode, month.status]).toEqual(['3006', 200]); // business errors come with HTTP 200 (docs/api/endpoints.md#http-status)
    const year = await rejection(
      c.createInstances(
        createRequest('kpy', { chargeParam: { chargingMode: 1, periodType: 3, periodNum: 4, isAutoPay: 1 } }),
      ),
    );
    expect([year.normalizedCode, year.status]).toEqual(['3007', 200]);
    await c.createInstances(
      createRequest('kpm', { chargeParam: { chargingMode: 1, periodType: 2, periodNum: 9, isAutoPay: 1 } }),
    );
    await c.createInstances(
      createRequest('kpy', { chargeParam: { chargingMode: 1, periodType: 3, periodNum: 3, isAutoPay: 1 } }),
    );
  });

  it('create: an unknown SKU or region is 3002, a wrong band SKU 3001', async () => {
    expect(
      (await rejection(c.createInstances(createRequest('kps', { instanceSkuId: 'kp.nope' })))).normalizedCode,
    ).toBe('3002');
    expect(
      (await rejection(c.createInstances(createRequest('kps', { regionId: 'cn-nowhere-1' })))).normalizedCode,
    ).toBe('3002');
    expect(
      (await rejection(c.createInstances(createRequest('kps', { bandSkuId: 'kp.not-a-band' })))).normalizedCode,
    ).toBe('3001');
  });

  it('create: the client itself refuses count 2001 when validation is on, sending nothing', async () => {
    const strict = client({ kind: 'password', ...DEMO });
    const err = (await rejection(
      strict.createInstances(createRequest('kpl', { count: 2001 })),
    )) as InvalidArgumentError;
    expect(err.field).toBe('count');
    expect((await counters()).create ?? 0).toBe(0);
  });

  it('delete: a pay-per-use phone is refused with 5001 and stays', async () => {
    const [id] = await seedInstances([{ instanceName: 'ppu-00001', billingMode: '0' }]);
    const err = await rejection(c.deleteInstances([id]));
    expect(err).toBeInstanceOf(PayPerUseNotDeletableError);
    expect(err.code).toBe('KOOPHONE.API.5001');
    expect(err.status).toBe(400);
    const still = await c.listAllInstances({ instanceId: id });
    expect(still.map((r) => r.billing_mode)).toEqual(['0']);
  });

  it('unassign without a binding is 2210 (NotFoundError); assigning an assigned phone is KPAPI.2209', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpu-00001' }]);
    const none = await rejection(c.unassignInstances([{ instance_id: id, user_id: USER_A }]));
    expect(none).toBeInstanceOf(NotFoundError);
    expect(none.normalizedCode).toBe('2210');
    await c.assignInstances([{ instance_id: id, user_id: USER_A }]);
    const busy = await rejection(c.assignInstances([{ instance_id: id, user_id: USER_B }]));
    expect(busy.normalizedCode).toBe('2209');
  });

  it('an unknown instance is 4001 (NotFoundError) for prepare and prepare-progress', async () => {
    for (const p of [c.prepareInstances(USER_A, ['nosuch01']), c.getPrepareProgress(USER_A, 'nosuch01')]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(NotFoundError);
      expect([err.normalizedCode, err.status]).toEqual(['4001', 200]);
    }
  });

  it('reboot of a phone that is not running is 5005', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpo-00001', runningStatus: 5 }]);
    const err = await rejection(c.rebootInstances([id]));
    expect(err.normalizedCode).toBe('5005');
    expect(err.retryable).toBe(false);
  });

  it('a frozen phone is 2004', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpf-00001', frozen: true }]);
    const err = await rejection(c.rebootInstances([id]));
    expect([err.normalizedCode, err.status]).toEqual(['2004', 200]);
  });

  it('app/install: fast_install other than "0"/"1" is 3008', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpq-00001' }]);
    const err = await rejection(
      c.installApp({
        fast_install: '2' as '0',
        object_name: 'com.example.app',
        file_name: 'example.apk',
        object_version: '1',
        object_size: '1',
        biz_type: 'apk',
        content_type: 'application/octet-stream',
        content_md5: '',
        install_package_url: 'https://bucket.obs.example.com/a.apk',
        instance_id_list: [id],
      }),
    );
    expect(err.normalizedCode).toBe('3008');
  });

  it('video-setting: code_rate 150 (not a multiple of 100) and fps 25 are 1000', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpw-00001' }]);
    const bad = videoRequest([id]);
    bad.instance_settings[0].video_spec_groups[0].definition_540P.code_rate = 150;
    expect((await rejection(c.setVideoConfig(bad))).normalizedCode).toBe('1000');
    const badFps = videoRequest([id]);
    (badFps.instance_settings[1].video_spec_groups[0].definition_720P as { fps: number }).fps = 25;
    expect((await rejection(c.setVideoConfig(badFps))).normalizedCode).toBe('1000');
  });

  it('sync-command: a 1025-char command is 1000', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpz-00001' }]);
    expect((await rejection(c.syncCommand('l'.repeat(1025), [id]))).normalizedCode).toBe('1000');
  });
});

describe('tenant isolation', () => {
  const OTHER = {
    domainName: 'other',
    userName: 'other',
    password: 'other-password',
    projectName: 'cn-north-7',
    accessKey: 'OTHERACCESSKEY000000',
    secretKey: 'other-secret',
  };

  it("another tenant's phone is invisible in listings and refused (1001) for every action", async () => {
    await control('POST', '/seed', { tenants: [{ ...OTHER, users: [USER_A] }] });
    const [theirs] = await seedInstances([{ tenant: 'other', instanceName: 'theirs-00001', regionId: 'cn-north-7' }]);
    const [mine] = await seedInstances([{ instanceName: 'mine-00001' }]);
    const demo = client({ kind: 'password', ...DEMO }, { maxRetries: 0 });
    const other = client({ kind: 'aksk', accessKey: OTHER.accessKey, secretKey: OTHER.secretKey }, { maxRetries: 0 });

    expect((await demo.listAllInstances()).map((r) => r.instance_id)).toEqual([mine]);
    expect(await demo.listAllInstances({ instanceId: theirs })).toEqual([]);
    expect((await other.listAllInstances()).map((r) => r.instance_id)).toEqual([theirs]);

    const attempts: Array<[string, Promise<unknown>]> = [
      ['batch-query-status', demo.batchQueryStatus([theirs])],
      ['reboot', demo.rebootInstances([theirs])],
      ['delete', demo.deleteInstances([theirs])],
      ['assign', demo.assignInstances([{ instance_id: theirs, user_id: USER_A }])],
      ['auth', demo.getDeviceToken(theirs)],
      ['video-setting', demo.setVideoConfig(videoRequest([theirs]))],
    ];
    for (const [op, p] of attempts) {
      const err = await rejection(p);
      expect({ op, code: err.normalizedCode, status: err.status }).toEqual({ op, code: '1001', status: 401 }); // docs/api/endpoints.md#errors: 1001 → 401
      expect(err).toBeInstanceOf(AuthFailedError);
    }
    expect((await other.batchQueryStatus([theirs]))[0].status).toBe(2);
  });
});

describe('paging', () => {
  it('listAllInstances reads 250 phones in pages of 100 (3 batch-query calls); page_size 200 is capped at 100', async () => {
    await seedInstances(
      Array.from({ length: 250 }, (_, i) => ({ instanceName: `bulk-${String(i + 1).padStart(5, '0')}` })),
    );
    const c = client({ kind: 'aksk', accessKey: AK, secretKey: SK });
    await control('DELETE', '/counters');
    const all = await c.listAllInstances();
    expect(all).toHaveLength(250);
    expect(new Set(all.map((r) => r.instance_id)).size).toBe(250);
    expect((await counters())['batch-query']).toBe(3);
    const big = await c.listInstances({ pageNo: 1, pageSize: 200 });
    expect(big.result).toHaveLength(100);
    expect(big.pageSize).toBe(100);
    expect(big.totalCount).toBe(250);
    // instance_name is a substring filter: "bulk-0010" matches bulk-00100 … bulk-00109.
    expect((await c.listAllInstances({ instanceName: 'bulk-0010' })).map((r) => r.instance_name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `bulk-0010${i}`),
    );
  });
});

describe('authentication against the emulator', () => {
  it('single flight: 30 concurrent calls on a fresh password client cost one IAM token', async () => {
    const c = client({ kind: 'password', ...DEMO });
    await Promise.all(Array.from({ length: 30 }, () => c.listSkus()));
    expect((await counters())['iam-tokens']).toBe(1);
    expect((await counters()).sku).toBe(30);
  });

  it('an expired token (25 h later) is renewed once after the 401 and the call succeeds', async () => {
    const c = client({ kind: 'password', ...DEMO });
    await c.listSkus();
    await advance(25 * 3600);
    await c.listSkus();
    const n = await counters();
    expect(n['iam-tokens']).toBe(2);
    expect(n.sku).toBe(3);
  });

  it('a static token that expired is AuthFailedError (nothing to renew)', async () => {
    const c = client({ kind: 'token', token: await issueToken() });
    await advance(25 * 3600);
    await expect(c.listSkus()).rejects.toBeInstanceOf(AuthFailedError);
  });

  it.each<[string, AuthConfig]>([
    ['a wrong password', { kind: 'password', ...DEMO, password: 'wrong-password' }],
    ['a wrong secret key', { kind: 'aksk', accessKey: AK, secretKey: 'wrong-secret' }],
    ['an unknown access key', { kind: 'aksk', accessKey: 'UNKNOWNACCESSKEY0000', secretKey: SK }],
    ['a forged token', { kind: 'token', token: 'MIIforged-token-0000000000000000000000000000000000' }],
  ])('%s is AuthFailedError without leaking the secret', async (_name, auth) => {
    const err = await rejection(client(auth, { maxRetries: 0 }).listSkus());
    expect(err).toBeInstanceOf(AuthFailedError);
    for (const secret of ['wrong-password', 'wrong-secret', SK, 'MIIforged-token-0000000000000000000000000000000000'])
      expect(err.message).not.toContain(secret);
  });
});

describe('faults injected by the emulator', () => {
  it('create: a 500 is an unknown outcome, never retried', async () => {
    await fault({ endpoint: 'create', status: 500, errorCode: 'KOOPHONE.API.9999', errorMsg: 'boom' });
    const c = client({ kind: 'password', ...DEMO });
    await expect(c.createInstances(createRequest('kpf'))).rejects.toBeInstanceOf(KooPhoneOutcomeUnknownError);
    expect((await counters()).create).toBe(1);
  });

  it('create: a response dropped after commit is an unknown outcome; the phone exists and is found by its prefix', async () => {
    await fault({ endpoint: 'create', dropAfterCommit: true });
    const c = client({ kind: 'password', ...DEMO });
    const err = await rejection(c.createInstances(createRequest('kpdrop', { count: 2 })));
    expect(err).toBeInstanceOf(KooPhoneOutcomeUnknownError);
    expect((await counters()).create).toBe(1);
    expect((await c.listAllInstances({ instanceName: 'kpdrop-' })).map((r) => r.instance_name).sort()).toEqual([
      'kpdrop-00001',
      'kpdrop-00002',
    ]);
  });

  it('create: throttling (429 APIGW.0308) is retried and buys exactly one set of phones', async () => {
    await fault({ endpoint: 'create', status: 429, errorCode: 'APIGW.0308', errorMsg: 'throttled' });
    const c = client({ kind: 'password', ...DEMO });
    await c.createInstances(createRequest('kpthr'));
    expect((await counters()).create).toBe(2);
    expect(await c.listAllInstances({ instanceName: 'kpthr-' })).toHaveLength(1);
  });

  it('delete: no answer within the timeout is an unknown outcome', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpslow-00001' }]);
    await fault({ endpoint: 'delete', latencyMs: 2000 });
    const c = client({ kind: 'password', ...DEMO }, { timeoutMs: 300 });
    await expect(c.deleteInstances([id])).rejects.toBeInstanceOf(KooPhoneOutcomeUnknownError);
    expect((await counters()).delete).toBe(1);
  });

  it('reads and overwrites are retried: 503 ×2 on batch-query, a dropped video-setting answer, a 500 from IAM', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpret-00001' }]);
    await fault({ endpoint: 'batch-query', status: 503, count: 2 });
    await fault({ endpoint: 'video-setting', dropAfterCommit: true });
    await fault({ endpoint: 'iam-tokens', status: 500 });
    const c = client({ kind: 'password', ...DEMO });
    expect((await c.listInstances({ pageNo: 1, pageSize: 10 })).totalCount).toBe(1);
    await c.setVideoConfig(videoRequest([id]));
    const n = await counters();
    expect(n['iam-tokens']).toBe(2);
    expect(n['batch-query']).toBe(3);
    expect(n['video-setting']).toBe(2);
  });

  it('reboot: the answer is dropped after the reboot happened, so the replay meets 5005 flagged maybeAppliedEarlier', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpreb-00001' }]);
    await fault({ endpoint: 'reboot', dropAfterCommit: true });
    const c = client({ kind: 'password', ...DEMO });
    const err = await rejection(c.rebootInstances([id]));
    expect(err.normalizedCode).toBe('5005');
    expect(err.maybeAppliedEarlier).toBe(true);
    expect((await counters()).reboot).toBe(2);
    expect((await c.batchQueryStatus([id]))[0].status).toBe(4); // the first attempt did reboot it
  });

  it('busy 2006 with HTTP 200 is retried until the fault is used up', async () => {
    const [id] = await seedInstances([{ instanceName: 'kpbusy-00001' }]);
    await fault({
      endpoint: 'batch-reset',
      status: 200,
      errorCode: 'KOOPHONE.API.2006',
      errorMsg: 'backing up',
      count: 2,
    });
    const c = client({ kind: 'aksk', accessKey: AK, secretKey: SK });
    await c.resetInstances([id]);
    expect((await counters())['batch-reset']).toBe(3);
  });
});
