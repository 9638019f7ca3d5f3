import { request } from 'undici';
import { startEmulator } from '../index';
import { EmulatorHarness, STEP_SECONDS } from '../testing/emulator-harness';

describe('control plane /_emulator/', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(() => emu.control('POST', '/reset'));
  afterAll(() => emu.close());

  const statusOf = async (id: string) =>
    (await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [id] } })).json.data
      .status_results[0].status;

  it('reset wipes phones, faults and counters and re-seeds the demo tenant (cached demo tokens keep working)', async () => {
    await emu.seedInstances([{ instanceName: 'r-00001' }]);
    await emu.control('POST', '/faults', { endpoint: 'sku', status: 503, count: 5 });
    await emu.api('GET', '/v1/instances/sku?type=0');
    await emu.control('POST', '/reset');
    expect((await emu.control('GET', '/instances')).instances).toEqual([]);
    expect((await emu.control('GET', '/faults')).faults).toEqual([]);
    expect((await emu.control('GET', '/counters')).counters.sku).toBe(0);
    const res = await emu.api('GET', '/v1/instances/sku?type=0');
    expect(res.status).toBe(200);
  });

  it('seed creates tenants and instances and returns full records; GET /instances lists them', async () => {
    const seeded = await emu.control('POST', '/seed', {
      tenants: [
        {
          domainName: 'acme',
          userName: 'ops',
          password: 'pw',
          projectName: 'cn-north-7',
          accessKey: 'ACMEAK',
          secretKey: 'acme-sk',
        },
      ],
      instances: [
        { instanceName: 'payg-00001', billingMode: '0', os: 'AOSP9', regionId: 'cn-north-7' },
        { instanceName: 'acme-00001', tenant: 'acme', instanceSkuId: 'kp.enterprise.2xlarge.128g.2', runningStatus: 1 },
      ],
    });
    expect(seeded.tenants).toEqual([
      expect.objectContaining({
        domainName: 'acme',
        accessKey: 'ACMEAK',
        projects: [expect.objectContaining({ name: 'cn-north-7' })],
      }),
    ]);
    expect(JSON.stringify(seeded)).not.toContain('acme-sk');
    expect(seeded.instances).toEqual([
      expect.objectContaining({
        instanceName: 'payg-00001',
        tenant: 'demo',
        billingMode: '0',
        orderId: null,
        os: 'AOSP9',
        regionId: 'cn-north-7',
        runningStatus: 2,
      }),
      expect.objectContaining({
        instanceName: 'acme-00001',
        tenant: 'acme',
        billingMode: '1',
        orderId: expect.any(String),
        instanceSkuId: 'kp.enterprise.2xlarge.128g.2',
        sku: 'kp.enterprise.2xlarge.128g.2',
        runningStatus: 1,
      }),
    ]);
    const listed = await emu.control('GET', '/instances');
    expect(listed.instances.map((i: { instanceName: string }) => i.instanceName)).toEqual(['payg-00001', 'acme-00001']);
  });

  it('seed refuses unknown tenants, unknown SKUs, duplicate ids and bad bodies with 400, changing nothing', async () => {
    for (const body of [
      { instances: [{ instanceName: 'x', tenant: 'nobody' }] },
      { instances: [{ instanceName: 'x' }, { instanceName: 'y', instanceSkuId: 'kp.none' }] },
      {
        instances: [
          { instanceName: 'x', instanceId: 'dup' },
          { instanceName: 'y', instanceId: 'dup' },
        ],
      },
      { instances: [{ name: 'x' }] },
    ]) {
      const res = await emu.http('POST', '/_emulator/seed', { body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
    const malformed = await emu.http('POST', '/_emulator/seed', { rawBody: '{' });
    expect(malformed.status).toBe(400);
    expect((await emu.control('GET', '/instances')).instances).toEqual([]);
  });

  it('clock advances the virtual time, reset returns it to real time; negative advances are refused', async () => {
    const before = await emu.control('POST', '/clock', { advanceSeconds: 0 });
    const after = await emu.control('POST', '/clock', { advanceSeconds: 3600 });
    expect(after.offsetSeconds - before.offsetSeconds).toBe(3600);
    expect((await emu.http('POST', '/_emulator/clock', { body: { advanceSeconds: -1 } })).status).toBe(400);
    await emu.control('POST', '/reset');
    expect((await emu.control('POST', '/clock', { advanceSeconds: 0 })).offsetSeconds).toBe(0);
  });

  it('settings change provisioning and release delays for new transitions', async () => {
    expect((await emu.control('PUT', '/settings', { provisionSeconds: 10, releaseSeconds: 20 })).settings).toEqual({
      provisionSeconds: 10,
      releaseSeconds: 20,
      taskSeconds: STEP_SECONDS,
    });
    const [id] = await emu.seedInstances([{ instanceName: 's-00001' }]);
    await emu.api('POST', '/v1/instances/reboot', { body: { instance_ids: [id] } });
    await emu.advance(9);
    expect(await statusOf(id)).toBe(4);
    await emu.advance(1);
    expect(await statusOf(id)).toBe(2);
    await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: [id] } });
    await emu.advance(19);
    expect(await statusOf(id)).toBe(3);
    await emu.advance(1);
    expect((await emu.control('GET', '/instances')).instances).toEqual([]);
    expect((await emu.http('PUT', '/_emulator/settings', { body: { provisionSeconds: -1 } })).status).toBe(400);
    await emu.control('POST', '/reset');
    expect((await emu.control('GET', '/settings')).settings.provisionSeconds).toBe(STEP_SECONDS);
  });

  it('a default emulator provisions in 3 s and releases in 1 s', async () => {
    const plain = await startEmulator();
    try {
      const res = await request(`${plain.url}/_emulator/settings`);
      expect(((await res.body.json()) as { settings: unknown }).settings).toEqual({
        provisionSeconds: 3,
        releaseSeconds: 1,
        taskSeconds: 2,
      });
    } finally {
      await plain.close();
    }
  });

  describe('faults', () => {
    it('injects a status for `count` requests, then the endpoint works again; counters include faulted requests', async () => {
      await emu.control('POST', '/faults', { endpoint: 'batch-query-status', status: 503, count: 2 });
      const [id] = await emu.seedInstances([{ instanceName: 'f-00001' }]);
      const first = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [id] } });
      const second = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [id] } });
      const third = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [id] } });
      expect([first.status, first.json.error_code, second.status, third.status, third.json.error_code]).toEqual([
        503,
        'KOOPHONE.API.9999',
        503,
        200,
        '0',
      ]);
      expect((await emu.control('GET', '/counters')).counters['batch-query-status']).toBe(3);
    });

    it('injects an error code with the table status (or an explicit one) and message', async () => {
      await emu.control('POST', '/faults', { endpoint: 'sku', errorCode: 'KOOPHONE.API.4999' });
      await emu.control('POST', '/faults', { endpoint: 'sku', errorCode: 'APIGW.0308', errorMsg: 'slow down' });
      await emu.control('POST', '/faults', { endpoint: 'sku', status: 200, errorCode: 'KOOPHONE.API.9001' });
      const a = await emu.api('GET', '/v1/instances/sku?type=0');
      const b = await emu.api('GET', '/v1/instances/sku?type=0');
      const c = await emu.api('GET', '/v1/instances/sku?type=0');
      expect([a.status, a.json.error_code]).toEqual([400, 'KOOPHONE.API.4999']);
      expect([b.status, b.json.error_code, b.json.error_msg]).toEqual([429, 'APIGW.0308', 'slow down']);
      expect([c.status, c.json.error_code]).toEqual([200, 'KOOPHONE.API.9001']);
    });

    it('faults IAM token issuance too', async () => {
      await emu.control('POST', '/faults', { endpoint: 'iam-tokens', status: 500 });
      await expect(emu.issueToken()).rejects.toThrow('500');
      await expect(emu.issueToken()).resolves.toMatch(/^MII/);
    });

    it('delays by latencyMs and then answers normally', async () => {
      await emu.control('POST', '/faults', { endpoint: 'sku', latencyMs: 300 });
      const started = Date.now();
      const res = await emu.api('GET', '/v1/instances/sku?type=0');
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('dropAfterCommit applies a create, then resets the connection without an answer', async () => {
      await emu.control('POST', '/faults', { endpoint: 'create', dropAfterCommit: true });
      const body = {
        os: 'AOSP11',
        instanceSkuId: 'kp.professional.xlarge.32g.2',
        bandSkuId: 'kp.bandwidth',
        regionId: 'cn-north-4',
        instanceNamePrefix: 'dropped',
        bandSize: 4,
        count: 2,
        chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1 },
      };
      await expect(emu.api('POST', '/v1/instances/create', { body })).rejects.toThrow();
      const names = (await emu.control('GET', '/instances')).instances.map(
        (i: { instanceName: string }) => i.instanceName,
      );
      expect(names).toEqual(['dropped-00001', 'dropped-00002']);
      expect((await emu.control('GET', '/counters')).counters.create).toBe(1);
      const next = await emu.api('POST', '/v1/instances/create', { body });
      expect(next.json.data.instanceInfos.map((i: { instanceName: string }) => i.instanceName)).toEqual([
        'dropped-00003',
        'dropped-00004',
      ]);
    });

    it('DELETE /faults clears pending faults; unknown endpoints are refused', async () => {
      await emu.control('POST', '/faults', { endpoint: 'sku', status: 500, count: 10 });
      await emu.control('DELETE', '/faults');
      expect((await emu.api('GET', '/v1/instances/sku?type=0')).status).toBe(200);
      expect((await emu.http('POST', '/_emulator/faults', { body: { endpoint: 'nope', status: 500 } })).status).toBe(
        400,
      );
    });
  });

  it('counters count every request per op, including failed ones, and reset with DELETE', async () => {
    await emu.control('DELETE', '/counters');
    await emu.api('GET', '/v1/instances/sku?type=0');
    await emu.api('GET', '/v1/instances/sku?type=9');
    await emu.api('GET', '/v1/instances/sku?type=0', { token: null });
    await emu.api('POST', '/v1/instances/batch-query-status', { rawBody: '{' });
    const { counters } = await emu.control('GET', '/counters');
    expect(counters).toMatchObject({ sku: 3, 'batch-query-status': 1, create: 0 });
    expect(Object.keys(counters)).toHaveLength(30); // 21 KooPhone, 3 IAM, 6 billing ops
    expect((await emu.control('DELETE', '/counters')).counters.sku).toBe(0);
  });

  it('mutates instances out of band: assign, unassign, set-status, freeze, unfreeze, delete', async () => {
    const [id] = await emu.seedInstances([{ instanceName: 'm-00001' }]);
    const mutate = (body: unknown) => emu.control('POST', `/instances/${id}/mutate`, body);
    expect((await mutate({ action: 'assign', userId: '1008600000104285463' })).instance.assignUser).toBe(
      '1008600000104285463',
    );
    expect((await mutate({ action: 'unassign' })).instance.assignUser).toBeNull();
    await mutate({ action: 'set-status', runningStatus: 5 });
    expect(await statusOf(id)).toBe(5);
    await mutate({ action: 'freeze' });
    const frozen = await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=1&instance_id=${id}`);
    expect(frozen.json.data.result[0].frozen_status).toBe(1);
    await mutate({ action: 'unfreeze' });
    expect((await mutate({ action: 'delete' })).deleted).toBe(id);
    expect(
      (await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [id] } })).json.error_code,
    ).toBe('KOOPHONE.API.4001');
    expect((await emu.http('POST', `/_emulator/instances/${id}/mutate`, { body: { action: 'freeze' } })).status).toBe(
      404,
    );
    const [other] = await emu.seedInstances([{ instanceName: 'm-00002' }]);
    for (const body of [
      { action: 'explode' },
      { action: 'set-status' },
      { action: 'assign' },
      { action: 'set-status', runningStatus: 9 },
    ]) {
      expect((await emu.http('POST', `/_emulator/instances/${other}/mutate`, { body })).status).toBe(400);
    }
  });

  it('video-settings answers 404 until settings were applied', async () => {
    const [id] = await emu.seedInstances([{ instanceName: 'v-00001' }]);
    expect((await emu.http('GET', `/_emulator/video-settings/${id}`)).status).toBe(404);
    expect((await emu.http('GET', '/_emulator/video-settings/none')).status).toBe(404);
  });
});
