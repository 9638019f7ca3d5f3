import { EmulatorHarness, STEP_SECONDS } from '../testing/emulator-harness';

// Literal request bodies from docs/api/endpoints.md#create (create) and docs/api/endpoints.md#delete (delete).
const CREATE_EXAMPLE = `{"os":"AOSP9","instanceSkuId":"kp.professional.2xlarge.128g.2","bandSkuId":"kp.bandwidth","regionId":"cn-north-7",
 "instanceNamePrefix":"koophone","bandSize":4,"count":1,"network":"EIP",
 "chargeParam":{"chargingMode":1,"periodType":2,"periodNum":1,"isAutoPay":1,"isAutoRenew":1}}`;

function createBody(
  overrides: Record<string, unknown> = {},
  charge: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = JSON.parse(CREATE_EXAMPLE) as Record<string, unknown>;
  return { ...base, ...overrides, chargeParam: { ...(base.chargeParam as object), ...charge } };
}

describe('instance lifecycle endpoints', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(() => emu.control('POST', '/reset'));
  afterAll(() => emu.close());

  async function create(body: Record<string, unknown>) {
    return emu.api('POST', '/v1/instances/create', { body, requestId: false });
  }

  async function status(ids: string[]): Promise<number[]> {
    const res = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: ids } });
    return (res.json.data.status_results as { status: number }[]).map((r) => r.status);
  }

  describe('create (docs/api/endpoints.md#create)', () => {
    it('buys the documented example: orderId and {prefix}-00001, starting (4) then running (2) after provisionSeconds', async () => {
      const res = await emu.api('POST', '/v1/instances/create', { rawBody: CREATE_EXAMPLE, requestId: false });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        error_code: '0',
        error_msg: 'OK',
        data: {
          orderId: expect.stringMatching(/^CS\d{10}[A-Z0-9]{5}$/),
          instanceInfos: [{ instanceId: expect.stringMatching(/^[A-Za-z0-9]{8}$/), instanceName: 'koophone-00001' }],
        },
      });
      const id = res.json.data.instanceInfos[0].instanceId as string;
      expect(await status([id])).toEqual([4]);
      await emu.advance(STEP_SECONDS);
      expect(await status([id])).toEqual([2]);
    });

    it('accepts the example-only keys instanceType and sceneType (reference example, docs/api/ambiguities.md#a13)', async () => {
      const res = await create(createBody({ instanceType: 'specification', sceneType: 'CLOUD_PHONE' }));
      expect(res.json.error_code).toBe('0');
    });

    it('numbers names per prefix without reuse and returns count instances', async () => {
      await create(createBody({ count: 2 }));
      const res = await create(createBody({ count: 3 }));
      expect(res.json.data.instanceInfos.map((i: { instanceName: string }) => i.instanceName)).toEqual([
        'koophone-00003',
        'koophone-00004',
        'koophone-00005',
      ]);
    });

    it('allows count 2000 and refuses 2001 and 0 with 1000 (SDK: maximum 2000; the documents said 1500, docs/api/ambiguities.md#a7)', async () => {
      expect(
        (await create(createBody({ count: 2000, instanceNamePrefix: 'bulk' }))).json.data.instanceInfos,
      ).toHaveLength(2000);
      for (const count of [2001, 0, 1.5]) {
        const res = await create(createBody({ count }));
        expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      }
    });

    it('limits instanceNamePrefix to 14 characters', async () => {
      expect((await create(createBody({ instanceNamePrefix: 'a'.repeat(14) }))).json.error_code).toBe('0');
      const res = await create(createBody({ instanceNamePrefix: 'a'.repeat(15) }));
      expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      expect(res.json.error_msg).toContain('instanceNamePrefix');
    });

    it('checks periodNum per period type: month 1-9 (3006), year 1-3 (3007), both HTTP 200', async () => {
      expect((await create(createBody({}, { periodType: 2, periodNum: 9 }))).json.error_code).toBe('0');
      expect((await create(createBody({}, { periodType: 3, periodNum: 3 }))).json.error_code).toBe('0');
      for (const [periodType, periodNum, code] of [
        [2, 10, 'KOOPHONE.API.3006'],
        [2, 0, 'KOOPHONE.API.3006'],
        [3, 4, 'KOOPHONE.API.3007'],
        [3, 0, 'KOOPHONE.API.3007'],
      ] as const) {
        const res = await create(createBody({}, { periodType, periodNum }));
        expect([res.status, res.json.error_code]).toEqual([200, code]);
      }
    });

    it('buys yearly/monthly only: chargingMode other than 1 and periodType other than 2/3 are 1000', async () => {
      for (const charge of [{ chargingMode: 0 }, { chargingMode: 2 }, { periodType: 1 }]) {
        const res = await create(createBody({}, charge));
        expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      }
    });

    it('checks SKU, region, bandwidth and pool against the catalogue (3002, 3001, 3003)', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [{ regionId: 'cn-east-3' }, 200, 'KOOPHONE.API.3002'],
        [{ instanceSkuId: 'kp.unknown' }, 200, 'KOOPHONE.API.3002'],
        [{ bandSkuId: 'kp.other-band' }, 400, 'KOOPHONE.API.3001'],
        [{ bandSize: 5 }, 400, 'KOOPHONE.API.3001'],
        [{ os: 'AOSP11', network: 'ADN' }, 200, 'KOOPHONE.API.3003'],
        [{ instanceSkuId: 'kp.professional.large.16g.1', bandSize: 2 }, 200, 'KOOPHONE.API.3003'],
        [{ os: 'AOSP12' }, 400, 'KOOPHONE.API.1000'],
        [{ network: 'VPN' }, 400, 'KOOPHONE.API.1000'],
      ];
      for (const [overrides, httpStatus, code] of cases) {
        const res = await create(createBody(overrides));
        expect([JSON.stringify(overrides), res.status, res.json.error_code]).toEqual([
          JSON.stringify(overrides),
          httpStatus,
          code,
        ]);
      }
    });

    it('rejects unknown fields and answers 501 for the unmodelled custom-image keys', async () => {
      const unknown = await create(createBody({ flavour: 'x' }));
      expect([unknown.status, unknown.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      const custom = await create(createBody({ customImageId: 7 }));
      expect(custom.status).toBe(501);
      expect(custom.json.error_msg).toContain('create');
    });

    it('buys AOSP14 phones and files them under the nodeGroupId, which batch-query pool_name then selects', async () => {
      const res = await create(createBody({ os: 'AOSP14', nodeGroupId: 'ng-blue', instanceNamePrefix: 'ng' }));
      expect(res.json.error_code).toBe('0');
      const ids = res.json.data.instanceInfos.map((i: { instanceId: string }) => i.instanceId);
      const inGroup = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=100&pool_name=ng-blue');
      expect(inGroup.json.data.result.map((r: { instance_id: string }) => r.instance_id)).toEqual(ids);
      const other = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=100&pool_name=ng-red');
      expect(other.json.data.total_count).toBe(0);
    });

    it('with isAutoPay 0 leaves the order unpaid: running_status 0 until the order is paid (docs/api/ambiguities.md#a15)', async () => {
      const res = await create(createBody({}, { isAutoPay: 0 }));
      const { orderId, instanceInfos } = res.json.data;
      const id = instanceInfos[0].instanceId as string;
      await emu.advance(STEP_SECONDS * 10);
      expect(await status([id])).toEqual([0]);
      expect(await emu.control('POST', `/orders/${orderId}/pay`)).toEqual({ orderId, instanceIds: [id] });
      expect(await status([id])).toEqual([4]);
      await emu.advance(STEP_SECONDS);
      expect(await status([id])).toEqual([2]);
    });
  });

  describe('batch-query (docs/api/endpoints.md#batch-query)', () => {
    it('returns the documented record shape with paging inside data', async () => {
      const [id] = await emu.seedInstances([
        { instanceName: 'CCTEST-00001', regionId: 'cn-north-7', assignUser: '1008600000097131912' },
      ]);
      const res = await emu.api(
        'GET',
        `/v1/instances/batch-query?page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE&x-request-id=3b0c6f1e-1111-4a7e-9a53-2f4b6c1d9e01`,
        {
          requestId: false,
        },
      );
      expect(res.status).toBe(200);
      expect(res.json.error_code).toBe('0');
      expect(res.json.data).toEqual({
        result: [
          {
            instance_id: id,
            instance_name: 'CCTEST-00001',
            region: 'cn-north-7',
            instance_sku: expect.any(String),
            frozen_status: 0,
            running_status: 2,
            login_status: 0,
            assign_status: 1,
            assign_user: '1008600000097131912',
            billing_mode: '1',
            project_id: '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b',
            project_name: 'cn-north-4',
            phone_id: 'null',
            member_name: expect.any(String),
            account_name: 'demo',
            region_name: expect.any(String),
            region_name_en: 'CN North-Ulanqab1',
            backup_status: 0,
            backup_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
            restore_status: 0,
            restore_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
          },
        ],
        page_no: 1,
        page_size: 100,
        total_count: 1,
        error_code: '0',
        error_msg: 'OK',
      });
    });

    it('caps page_size at 100 (the doc example asks 200) and pages in creation order', async () => {
      await emu.seedInstances(
        Array.from({ length: 150 }, (_, i) => ({ instanceName: `pg-${String(i + 1).padStart(5, '0')}` })),
      );
      const first = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=200&poolSceneTag=CLOUD_PHONE');
      expect([first.json.data.page_size, first.json.data.total_count, first.json.data.result.length]).toEqual([
        100, 150, 100,
      ]);
      const second = await emu.api('GET', '/v1/instances/batch-query?page_no=2&page_size=100');
      expect(second.json.data.result.length).toBe(50);
      expect(second.json.data.result[0].instance_name).toBe('pg-00101');
    });

    it('filters instance_id exactly and instance_name by substring', async () => {
      const [a] = await emu.seedInstances([
        { instanceName: 'web-00001' },
        { instanceName: 'web-00002' },
        { instanceName: 'db-00001' },
      ]);
      const byName = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10&instance_name=web');
      expect(byName.json.data.result.map((r: { instance_name: string }) => r.instance_name)).toEqual([
        'web-00001',
        'web-00002',
      ]);
      const byId = await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=10&instance_id=${a}`);
      expect(byId.json.data.result.map((r: { instance_id: string }) => r.instance_id)).toEqual([a]);
      const cloudApp = await emu.api(
        'GET',
        '/v1/instances/batch-query?page_no=1&page_size=10&pool_scene_tag=CLOUD_APP',
      );
      expect(cloudApp.json.data.total_count).toBe(0);
    });

    it('requires x-request-id (query or header, the SDK always sends it), page_no and page_size', async () => {
      const noId = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10', { requestId: false });
      expect([noId.status, noId.json.error_code]).toEqual([200, 'KOOPHONE.API.0002']);
      const badId = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10&x-request-id=has%20space', {
        requestId: false,
      });
      expect([badId.status, badId.json.error_code]).toEqual([400, 'KOOPHONE.API.0003']);
      for (const q of [
        'page_size=10',
        'page_no=1',
        'page_no=0&page_size=10',
        'page_no=1&page_size=-1',
        'page_no=x&page_size=1',
        'page_no=1&page_size=1&foo=1',
      ]) {
        const res = await emu.api('GET', `/v1/instances/batch-query?${q}`);
        expect([q, res.status, res.json.error_code]).toEqual([q, 400, 'KOOPHONE.API.1000']);
      }
      for (const q of ['order=up', 'order_by=name', 'order=asc&order=desc']) {
        const res = await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=1&${q}`);
        expect([q, res.status, res.json.error_code]).toEqual([q, 400, 'KOOPHONE.API.1000']);
      }
    });

    it('sorts by order_by (create_time, instance_name, instance_id) and order (asc, desc)', async () => {
      await emu.seedInstances([
        { instanceName: 'srt-00002' },
        { instanceName: 'srt-00001' },
        { instanceName: 'srt-00003' },
      ]);
      const names = async (q: string) =>
        (
          await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=100&instance_name=srt-&${q}`)
        ).json.data.result.map((r: { instance_name: string }) => r.instance_name);
      expect(await names('order_by=instance_name')).toEqual(['srt-00001', 'srt-00002', 'srt-00003']);
      expect(await names('order_by=instance_name&order=DESC')).toEqual(['srt-00003', 'srt-00002', 'srt-00001']);
      expect(await names('order=desc')).toEqual(['srt-00003', 'srt-00001', 'srt-00002']);
    });

    it('filters by creation time with query_start_time / query_end_time', async () => {
      await emu.seedInstances([{ instanceName: 'old-00001' }]);
      await emu.advance(7200);
      const now = Date.now() + 7200 * 1000;
      const since = new Date(now - 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
      await emu.seedInstances([{ instanceName: 'new-00001' }]);
      const res = await emu.api(
        'GET',
        `/v1/instances/batch-query?page_no=1&page_size=10&query_start_time=${encodeURIComponent(since)}`,
      );
      expect(res.json.data.result.map((r: { instance_name: string }) => r.instance_name)).toEqual(['new-00001']);
      const bad = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10&query_end_time=yesterday');
      expect(bad.json.error_code).toBe('KOOPHONE.API.1000');
    });
  });

  describe('batch-query-status (docs/api/endpoints.md#batch-query-status)', () => {
    it('answers the documented shape for the example ids', async () => {
      await emu.seedInstances([
        { instanceName: 'a-00001', instanceId: 'a44uhlf7' },
        { instanceName: 'a-00002', instanceId: 'efjy72gs', runningStatus: 5 },
      ]);
      const res = await emu.api('POST', '/v1/instances/batch-query-status', {
        rawBody: '{"instance_ids":["a44uhlf7","efjy72gs"]}',
      });
      expect(res.json).toEqual({
        error_code: '0',
        error_msg: 'ok',
        data: {
          status_results: [
            { instance_id: 'a44uhlf7', status: 2 },
            { instance_id: 'efjy72gs', status: 5 },
          ],
        },
      });
    });

    it('enforces ≤100 ids of ≤32 characters and answers 4001 for unknown ids', async () => {
      const tooMany = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: Array.from({ length: 101 }, (_, i) => `id${i}`) },
      });
      expect([tooMany.status, tooMany.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      const tooLong = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: ['x'.repeat(33)] },
      });
      expect([tooLong.status, tooLong.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
      const empty = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: [] } });
      expect(empty.json.error_code).toBe('KOOPHONE.API.1000');
      const unknown = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: ['nosuchid'] },
      });
      expect([unknown.status, unknown.json.error_code]).toEqual([200, 'KOOPHONE.API.4001']);
    });

    it('accepts a missing x-request-id (the SDK sends none) but refuses an invalid one with 0003 (HTTP 400)', async () => {
      const missing = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: ['a'] },
        requestId: false,
      });
      expect([missing.status, missing.json.error_code]).toEqual([200, 'KOOPHONE.API.4001']);
      const invalid = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: ['a'] },
        requestId: false,
        headers: { 'x-request-id': 'not a valid id!' },
      });
      expect([invalid.status, invalid.json.error_code]).toEqual([400, 'KOOPHONE.API.0003']);
    });
  });

  describe('delete (docs/api/endpoints.md#delete)', () => {
    it('unsubscribes the example: data null, going offline (3), gone after releaseSeconds', async () => {
      await emu.seedInstances([{ instanceName: 'del-00001', instanceId: 'XvH39QVW' }]);
      const res = await emu.api('POST', '/v1/instances/delete', {
        rawBody: '{"instanceIdList":["XvH39QVW"]}',
        requestId: false,
      });
      expect(res.json).toEqual({ data: null, error_code: '0', error_msg: 'OK' });
      expect(await status(['XvH39QVW'])).toEqual([3]);
      const again = await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: ['XvH39QVW'] } });
      expect(again.json.error_code).toBe('0');
      await emu.advance(STEP_SECONDS);
      const gone = await emu.api('POST', '/v1/instances/batch-query-status', { body: { instance_ids: ['XvH39QVW'] } });
      expect(gone.json.error_code).toBe('KOOPHONE.API.4001');
      const list = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10');
      expect(list.json.data.total_count).toBe(0);
    });

    it('refuses pay-per-use phones with 5001 / HTTP 400 and changes nothing', async () => {
      const [monthly, payg] = await emu.seedInstances([
        { instanceName: 'm-00001' },
        { instanceName: 'p-00001', billingMode: '0' },
      ]);
      const res = await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: [monthly, payg] } });
      expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.5001']);
      expect(await status([monthly, payg])).toEqual([2, 2]);
    });

    it('answers 4001 for unknown ids and 1000 for over-long lists', async () => {
      const unknown = await emu.api('POST', '/v1/instances/delete', { body: { instanceIdList: ['nosuchid'] } });
      expect(unknown.json.error_code).toBe('KOOPHONE.API.4001');
      const many = await emu.api('POST', '/v1/instances/delete', {
        body: { instanceIdList: Array.from({ length: 101 }, (_, i) => `i${i}`) },
      });
      expect([many.status, many.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
    });
  });

  describe('reboot (docs/api/endpoints.md#reboot) and batch-reset (docs/api/endpoints.md#batch-reset)', () => {
    it('reboots running phones through starting (4) back to running (2)', async () => {
      await emu.seedInstances([{ instanceName: 'r-00001', instanceId: 'a44uhlf7' }]);
      const res = await emu.api('POST', '/v1/instances/reboot', { rawBody: '{"instance_ids":["a44uhlf7"]}' });
      expect(res.json).toEqual({ error_code: '0', error_msg: 'OK' });
      expect(await status(['a44uhlf7'])).toEqual([4]);
      await emu.advance(STEP_SECONDS);
      expect(await status(['a44uhlf7'])).toEqual([2]);
    });

    it('refuses reboot unless every phone is running (5005, HTTP 400)', async () => {
      const ids = await emu.seedInstances([{ instanceName: 'r-00001' }, { instanceName: 'r-00002', runningStatus: 5 }]);
      const res = await emu.api('POST', '/v1/instances/reboot', { body: { instance_ids: ids } });
      expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.5005']);
      expect(await status(ids)).toEqual([2, 5]);
    });

    it('resets the example phones as a task whose jobs finish', async () => {
      await emu.seedInstances([
        { instanceName: 'x-00001', instanceId: 'a44uhlf7' },
        { instanceName: 'x-00002', instanceId: 'efjy72gs', runningStatus: 1 },
      ]);
      const res = await emu.api('POST', '/v1/instances/batch-reset', {
        rawBody: '{"instance_ids":["a44uhlf7","efjy72gs"]}',
      });
      expect(res.json.error_code).toBe('0');
      expect(res.json.data.cmd_jobs.map((j: { instance_id: string }) => j.instance_id)).toEqual([
        'a44uhlf7',
        'efjy72gs',
      ]);
      expect(await status(['a44uhlf7', 'efjy72gs'])).toEqual([4, 4]);
      await emu.advance(STEP_SECONDS);
      const task = await emu.api('GET', `/v1/instances/tasks/${res.json.data.task_id}`);
      expect(task.json.data.jobs.map((j: { status: number }) => j.status)).toEqual([2, 2]);
      expect(await status(['a44uhlf7', 'efjy72gs'])).toEqual([2, 2]);
    });

    it('refuses operations on frozen phones with 2004', async () => {
      const [id] = await emu.seedInstances([{ instanceName: 'f-00001', frozen: true }]);
      for (const path of ['/v1/instances/reboot', '/v1/instances/batch-reset']) {
        const res = await emu.api('POST', path, { body: { instance_ids: [id] } });
        expect([path, res.status, res.json.error_code]).toEqual([path, 200, 'KOOPHONE.API.2004']);
      }
    });
  });
});
