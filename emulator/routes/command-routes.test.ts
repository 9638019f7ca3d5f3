import { EmulatorHarness, STEP_SECONDS } from '../testing/emulator-harness';

describe('command endpoints (docs/api/endpoints.md#sync-command, #async-command, #tasks)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    await emu.seedInstances([
      { instanceName: 'c-00001', instanceId: 'a44uhlf7', os: 'AOSP9' },
      { instanceName: 'c-00002', instanceId: 'efjy72gs', runningStatus: 5 },
    ]);
  });
  afterAll(() => emu.close());

  it('sync-command runs the documented example: output for the running phone, CPS.0191 for the stopped one', async () => {
    const res = await emu.api('POST', '/v1/instances/sync-command', {
      rawBody: '{"command":"getprop ro.build.version.release","instance_ids":["a44uhlf7","efjy72gs"]}',
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      error_code: '0',
      error_msg: 'ok',
      data: {
        cmd_results: [
          { instance_id: 'a44uhlf7', status: 2, error_code: '', error_msg: '', execute_msg: '9' },
          {
            instance_id: 'efjy72gs',
            status: -1,
            error_code: 'CPS.0191',
            error_msg: 'Run command failed.',
            execute_msg: expect.any(String),
          },
        ],
      },
    });
  });

  it('sync-command accepts the reference example with spaces (docs/api/ambiguities.md#a8) and fails unknown programs like a shell', async () => {
    const ls = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'ls -l /system', instance_ids: ['a44uhlf7'] },
    });
    expect(ls.json.data.cmd_results[0].status).toBe(2);
    const unknown = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'frobnicate', instance_ids: ['a44uhlf7'] },
    });
    expect(unknown.json.data.cmd_results[0]).toMatchObject({
      status: -1,
      error_code: 'CPS.0191',
      execute_msg: 'sh: frobnicate: not found',
    });
  });

  it('async-command returns a task; GET tasks reports running (1) then the outcome', async () => {
    const res = await emu.api('POST', '/v1/instances/async-command', {
      rawBody: '{"command":"ls -l /system","instance_ids":["a44uhlf7","efjy72gs"]}',
    });
    expect(res.json).toEqual({
      error_code: '0',
      error_msg: 'ok',
      data: {
        task_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        cmd_jobs: [
          { instance_id: 'a44uhlf7', job_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
          { instance_id: 'efjy72gs', job_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
        ],
      },
    });
    const { task_id, cmd_jobs } = res.json.data;
    const running = await emu.api('GET', `/v1/instances/tasks/${task_id}`);
    expect(running.json).toEqual({
      error_code: '0',
      error_msg: 'ok',
      data: {
        jobs: cmd_jobs.map((j: { job_id: string }) => ({
          job_id: j.job_id,
          status: 1,
          error_code: '',
          error_msg: '',
          execute_msg: null,
        })),
      },
    });
    await emu.advance(STEP_SECONDS);
    const done = await emu.api('GET', `/v1/instances/tasks/${task_id}`);
    expect(done.json.data.jobs).toEqual([
      { job_id: cmd_jobs[0].job_id, status: 2, error_code: '', error_msg: '', execute_msg: expect.any(String) },
      {
        job_id: cmd_jobs[1].job_id,
        status: -1,
        error_code: 'CPS.0191',
        error_msg: 'Run command failed.',
        execute_msg: expect.any(String),
      },
    ]);
  });

  it('GET tasks of an unknown task id answers 1000, with or without x-request-id (the SDK sends none)', async () => {
    for (const requestId of [true, false]) {
      const unknown = await emu.api('GET', '/v1/instances/tasks/6837531fd3f54550927b930180a706bf', { requestId });
      expect([requestId, unknown.status, unknown.json.error_code]).toEqual([requestId, 400, 'KOOPHONE.API.1000']);
    }
  });

  it('validates command length (≤1024), charset, ids and unknown fields', async () => {
    const cases: unknown[] = [
      { command: 'x'.repeat(1025), instance_ids: ['a44uhlf7'] },
      { command: '', instance_ids: ['a44uhlf7'] },
      { command: 'echo\nhi', instance_ids: ['a44uhlf7'] },
      { command: 'echo hi', instance_ids: 'a44uhlf7' },
      { command: 'echo hi', instance_ids: ['a44uhlf7'], timeout: 5 },
      { command: 42, instance_ids: ['a44uhlf7'] },
    ];
    for (const body of cases) {
      for (const path of ['/v1/instances/sync-command', '/v1/instances/async-command']) {
        const res = await emu.api('POST', path, { body });
        expect([path, res.status, res.json.error_code]).toEqual([path, 400, 'KOOPHONE.API.1000']);
      }
    }
    const ok = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: `echo ${'x'.repeat(1019)}`, instance_ids: ['a44uhlf7'] },
    });
    expect(ok.json.error_code).toBe('0');
  });

  it('refuses frozen phones with 2004; x-request-id is optional (as in the SDK) but checked when given (0003)', async () => {
    await emu.control('POST', '/instances/a44uhlf7/mutate', { action: 'freeze' });
    const frozen = await emu.api('POST', '/v1/instances/async-command', {
      body: { command: 'id', instance_ids: ['a44uhlf7'] },
    });
    expect([frozen.status, frozen.json.error_code]).toEqual([200, 'KOOPHONE.API.2004']);
    const missing = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'id', instance_ids: ['efjy72gs'] },
      requestId: false,
    });
    expect([missing.status, missing.json.error_code]).toEqual([200, '0']);
    const invalid = await emu.api('POST', '/v1/instances/sync-command', {
      body: { command: 'id', instance_ids: ['efjy72gs'] },
      requestId: false,
      headers: { 'x-request-id': 'x'.repeat(200) },
    });
    expect([invalid.status, invalid.json.error_code]).toEqual([400, 'KOOPHONE.API.0003']);
  });
});
