import { EmulatorHarness, STEP_SECONDS } from '../testing/emulator-harness';

// The docs/api/endpoints.md#app-install example body, with the long signed URL shortened.
const EXAMPLE = `{"fast_install":"1","object_name":"com.example.app","file_name":"example.apk","object_version":"1.2.3","object_size":"120",
 "biz_type":"apk","content_type":"application/octet-stream","content_md5":"9e107d9d372bb6826bd81d3542a419d6",
 "install_package_url":"https://bucket.obs.cn-north-7.example.com/apps/example.apk?AccessKeyId=AK&Expires=1753252931&Signature=abc",
 "instance_id_list":["XvH39QVW","Vpp8rC4Y"]}`;

function body(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...(JSON.parse(EXAMPLE) as Record<string, unknown>), ...overrides };
}

describe('app/install (docs/api/endpoints.md#app-install)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    await emu.seedInstances([
      { instanceName: 'app-00001', instanceId: 'XvH39QVW' },
      { instanceName: 'app-00002', instanceId: 'Vpp8rC4Y' },
    ]);
  });
  afterAll(() => emu.close());

  it('installs with the example: the task in data (SDK 3.1.207 shape), jobs 0 → 1 → 2, package listed afterwards', async () => {
    const res = await emu.api('POST', '/v1/instances/app/install', { rawBody: EXAMPLE, requestId: false });
    expect(res.json).toEqual({
      error_code: '0',
      error_msg: 'OK',
      data: {
        task_id: expect.stringMatching(/^ZGCA[A-Za-z0-9_-]{32}$/),
        cmd_jobs: [
          { instance_id: 'XvH39QVW', job_id: expect.any(String) },
          { instance_id: 'Vpp8rC4Y', job_id: expect.any(String) },
        ],
      },
    });
    const statuses = async () =>
      (await emu.api('GET', `/v1/instances/tasks/${res.json.data.task_id}`)).json.data.jobs.map(
        (j: { status: number }) => j.status,
      );
    expect(await statuses()).toEqual([0, 0]);
    await emu.advance(STEP_SECONDS / 2);
    expect(await statuses()).toEqual([1, 1]);
    await emu.advance(STEP_SECONDS / 2);
    expect(await statuses()).toEqual([2, 2]);
    const pm = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'pm list packages', instance_ids: ['XvH39QVW'] },
    });
    expect(pm.json.data.cmd_results[0].execute_msg).toBe('package:com.example.app');
  });

  it('reports a failed install with status 3 (install jobs), not the −1 of command jobs', async () => {
    const [stopped] = await emu.seedInstances([{ instanceName: 'app-00003', runningStatus: 5 }]);
    const res = await emu.api('POST', '/v1/instances/app/install', { body: body({ instance_id_list: [stopped] }) });
    await emu.advance(STEP_SECONDS);
    const task = await emu.api('GET', `/v1/instances/tasks/${res.json.data.task_id}`);
    expect(task.json.data.jobs).toEqual([expect.objectContaining({ status: 3, error_code: 'CPS.0191' })]);
  });

  it('app-list pages installed apps, app_type 1 system / 2 third-party, and requires x-request-id (SDK)', async () => {
    const [id] = await emu.seedInstances([{ instanceName: 'app-00004' }]);
    await emu.api('POST', '/v1/instances/app/install', { body: body({ instance_id_list: [id] }) });
    const list = (q: string, requestId = true) => emu.api('GET', `/v1/instances/${id}/app-list?${q}`, { requestId });
    expect((await list('page_no=1&page_size=10&app_type=2')).json.data).toEqual({
      result: [],
      page_no: 1,
      page_size: 10,
      total_count: 0,
    });
    await emu.advance(STEP_SECONDS);
    const third = await list('page_no=1&page_size=10&app_type=2');
    expect(third.json).toEqual({
      error_code: '0',
      error_msg: 'OK',
      data: {
        result: [{ app_name: 'example', app_version: '1.2.3', app_pkg: 'com.example.app', icon_url: '' }],
        page_no: 1,
        page_size: 10,
        total_count: 1,
      },
    });
    const all = await list('page_no=2&page_size=2');
    expect([all.json.data.total_count, all.json.data.result.map((a: { app_pkg: string }) => a.app_pkg)]).toEqual([
      3,
      ['com.example.app'],
    ]);
    expect((await list('page_no=1&page_size=10&app_type=1')).json.data.total_count).toBe(2);
    for (const q of [
      'page_no=1',
      'page_no=1&page_size=201',
      'page_no=0&page_size=1',
      'page_no=1&page_size=1&app_type=3',
      'page_no=1&page_size=1&x=1',
    ]) {
      expect([q, (await list(q)).json.error_code]).toEqual([q, 'KOOPHONE.API.1000']);
    }
    expect((await list('page_no=1&page_size=1', false)).json.error_code).toBe('KOOPHONE.API.0002');
  });

  it('accepts the reference example spelling with numeric fast_install and object_size (docs/api/ambiguities.md#a9)', async () => {
    const res = await emu.api('POST', '/v1/instances/app/install', {
      body: body({ fast_install: 1, object_size: 120 }),
    });
    expect(res.json.error_code).toBe('0');
  });

  it('answers 3008 for fast_install other than 0/1, 62015 above 2 GB, 62017 for a bad URL', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fast_install: '2' }, 'KOOPHONE.API.3008'],
      [{ object_size: '2049' }, 'KOOPHONE.API.62015'],
      [{ install_package_url: 'not a url' }, 'KOOPHONE.API.62017'],
      [{ install_package_url: 'ftp://bucket/app.apk' }, 'KOOPHONE.API.62017'],
    ];
    for (const [overrides, code] of cases) {
      const res = await emu.api('POST', '/v1/instances/app/install', { body: body(overrides) });
      expect([JSON.stringify(overrides), res.status, res.json.error_code]).toEqual([
        JSON.stringify(overrides),
        200,
        code,
      ]);
    }
  });

  it('checks field lengths, biz_type and the id list (1000)', async () => {
    const cases: Record<string, unknown>[] = [
      { object_name: 'x'.repeat(101) },
      { biz_type: 'ipa' },
      { file_name: 'example.zip' },
      { object_size: 'big' },
      { instance_id_list: [] },
      { instance_id_list: Array.from({ length: 101 }, (_, i) => `i${i}`) },
      { install_package_url: `https://x/${'a'.repeat(2000)}` },
      { extra: true },
    ];
    for (const overrides of cases) {
      const res = await emu.api('POST', '/v1/instances/app/install', { body: body(overrides) });
      expect([Object.keys(overrides)[0], res.status, res.json.error_code]).toEqual([
        Object.keys(overrides)[0],
        400,
        'KOOPHONE.API.1000',
      ]);
    }
  });
});
