import { EmulatorHarness, STEP_SECONDS } from '../testing/emulator-harness';

const USER = '1008600000104285462';

describe('device token, prepare, progress, backup (docs/api/endpoints.md#device-token, #prepare, #prepare-progress, #backup)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    await emu.seedInstances([
      { instanceName: 's-00001', instanceId: 'Q39YyZvl' },
      { instanceName: 's-00002', instanceId: 'iRJEVP96', assignUser: USER },
    ]);
  });
  afterAll(() => emu.close());

  it('auth returns the documented device-token shape for the example instance, without a body or x-request-id', async () => {
    const res = await emu.api('POST', '/v1/instances/Q39YyZvl/auth', { requestId: false });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      error_code: '0',
      error_msg: 'ok',
      data: {
        streamingId: expect.any(String),
        device_token: expect.stringMatching(/^[0-9a-f]{32}$/),
        resource: {
          sdk: {
            internal: { address: null, aport: null, atype: null, address_ipv6: null },
            external: {
              address: expect.stringMatching(/^10\.83\.\d+\.\d+$/),
              aport: 10030,
              atype: 1,
              address_ipv6: null,
              address_adn: null,
            },
          },
          rtc: { ice_signaling: { signaling_url: expect.any(String), expired_time: null, ice_servers: [] } },
          device_id: expect.stringMatching(/^[0-9a-f]{32}$/),
          kp_id: 'Q39YyZvl',
          app_ip_synchronize_list: null,
        },
      },
    });
  });

  it('auth needs a running phone (5005), answers 4001 for unknown ids and 1000 for a body', async () => {
    await emu.control('POST', '/instances/Q39YyZvl/mutate', { action: 'set-status', runningStatus: 5 });
    expect((await emu.api('POST', '/v1/instances/Q39YyZvl/auth')).json.error_code).toBe('KOOPHONE.API.5005');
    expect((await emu.api('POST', '/v1/instances/nosuchid/auth')).json.error_code).toBe('KOOPHONE.API.4001');
    const withBody = await emu.api('POST', '/v1/instances/iRJEVP96/auth', { body: { x: 1 } });
    expect([withBody.status, withBody.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
  });

  it('prepare with the example body (a repeated id) reports 1, progress advances 1 → 2 → 0 on the clock', async () => {
    const res = await emu.api('POST', '/v1/instances/prepare', {
      rawBody: `{"user_id":"${USER}","instance_ids":["iRJEVP96","iRJEVP96"]}`,
      requestId: false,
    });
    expect(res.json).toEqual({
      error_code: '0',
      error_msg: 'ok',
      data: { status_list: [{ instance_id: 'iRJEVP96', status: 1 }] },
    });
    const progress = async () =>
      (
        await emu.api('POST', '/v1/instances/prepare-progress', {
          rawBody: `{"user_id":"${USER}","instance_id":"iRJEVP96"}`,
        })
      ).json;
    expect(await progress()).toEqual({
      error_code: '0',
      error_msg: 'OK',
      data: { status: 1, waitingCount: expect.any(Number) },
    });
    await emu.advance(STEP_SECONDS);
    expect((await progress()).data).toEqual({ status: 2, waitingCount: 0 });
    // While restoring, other operations wait (2005).
    const busy = await emu.api('POST', '/v1/instances/reboot', { body: { instance_ids: ['iRJEVP96'] } });
    expect(busy.json.error_code).toBe('KOOPHONE.API.2005');
    await emu.advance(STEP_SECONDS);
    expect((await progress()).data).toEqual({ status: 0, waitingCount: 0 });
    const again = await emu.api('POST', '/v1/instances/prepare', {
      body: { user_id: USER, instance_ids: ['iRJEVP96'] },
    });
    expect(again.json.data.status_list).toEqual([{ instance_id: 'iRJEVP96', status: 0 }]);
  });

  it('prepare and progress need the user–instance binding (2210) and known instances (4001)', async () => {
    const unbound = await emu.api('POST', '/v1/instances/prepare', {
      body: { user_id: USER, instance_ids: ['Q39YyZvl'] },
    });
    expect(unbound.json.error_code).toBe('KOOPHONE.API.2210');
    const unknown = await emu.api('POST', '/v1/instances/prepare-progress', {
      body: { user_id: USER, instance_id: 'nosuchid' },
    });
    expect([unknown.status, unknown.json.error_code]).toEqual([200, 'KOOPHONE.API.4001']);
    const notPrepared = await emu.api('POST', '/v1/instances/prepare-progress', {
      body: { user_id: USER, instance_id: 'iRJEVP96' },
    });
    expect(notPrepared.json.error_code).toBe('KOOPHONE.API.1000');
  });

  it('backup (body per its table) shows backup_status 1 then 2 in batch-query and blocks other work with 2006', async () => {
    const res = await emu.api('POST', '/v1/instances/backup', { rawBody: '{"instance_ids":["iRJEVP96"]}' });
    expect(res.json).toMatchObject({
      error_code: '0',
      error_msg: 'OK',
      data: { task_id: expect.any(String), cmd_jobs: [{ instance_id: 'iRJEVP96' }] },
    });
    const backupStatus = async () =>
      (await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=1&instance_id=iRJEVP96')).json.data.result[0]
        .backup_status;
    expect(await backupStatus()).toBe(1);
    const busy = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'id', instance_ids: ['iRJEVP96'] },
    });
    expect(busy.json.error_code).toBe('KOOPHONE.API.2006');
    await emu.advance(STEP_SECONDS);
    expect(await backupStatus()).toBe(2);
  });

  it('backup refuses the {user_id, instance_id} example body of the docs (docs/api/ambiguities.md#a12), with or without x-request-id', async () => {
    const noId = await emu.api('POST', '/v1/instances/backup', {
      body: { user_id: USER, instance_id: 'iRJEVP96' },
      requestId: false,
    });
    expect([noId.status, noId.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
    const wrong = await emu.api('POST', '/v1/instances/backup', { body: { user_id: USER, instance_id: 'iRJEVP96' } });
    expect([wrong.status, wrong.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
  });
});
