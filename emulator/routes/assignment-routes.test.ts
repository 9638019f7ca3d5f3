import { EmulatorHarness } from '../testing/emulator-harness';

async function assignment(emu: EmulatorHarness, id: string): Promise<[number, string]> {
  const res = await emu.api('GET', `/v1/instances/batch-query?page_no=1&page_size=1&instance_id=${id}`);
  const r = res.json.data.result[0];
  return [r.assign_status, r.assign_user];
}

describe('assign / unassign (docs/api/endpoints.md#assign, #unassign)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    // The doc examples use user 1123422; make it a member of the demo organisation.
    await emu.control('POST', '/seed', {
      tenants: [
        {
          domainName: 'demo',
          userName: 'demo',
          password: 'demo-password',
          projectName: 'cn-north-4',
          users: ['1123422'],
        },
      ],
      instances: [{ instanceName: 'as-00001', instanceId: 'a44uhlf7' }],
    });
  });
  afterAll(() => emu.close());

  it('assigns with the documented example and batch-query shows assign_status 1 / assign_user', async () => {
    const res = await emu.api('POST', '/v1/instances/assign', {
      rawBody: '{"user_instances":[{"instance_id":"a44uhlf7","user_id":"1123422"}]}',
    });
    expect(res.json).toEqual({ error_code: '0', error_msg: 'OK' });
    expect(await assignment(emu, 'a44uhlf7')).toEqual([1, '1123422']);
    const again = await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1123422' }] },
    });
    expect(again.json.error_code).toBe('0');
  });

  it('answers KPAPI.2209 for a user outside the organisation or a phone held by someone else', async () => {
    const stranger = await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '999' }] },
    });
    expect([stranger.status, stranger.json.error_code]).toEqual([200, 'KPAPI.2209']);
    await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1123422' }] },
    });
    const taken = await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1008600000104285462' }] },
    });
    expect(taken.json.error_code).toBe('KPAPI.2209');
    expect(await assignment(emu, 'a44uhlf7')).toEqual([1, '1123422']);
  });

  it('unassigns the reference example with a numeric user_id (docs/api/ambiguities.md#a9) and reports the wipe as a task', async () => {
    await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1123422' }] },
    });
    const res = await emu.api('POST', '/v1/instances/unassign', {
      rawBody: '{"user_instances":[{"instance_id":"a44uhlf7","user_id":1123422}]}',
    });
    expect(res.json).toMatchObject({
      error_code: '0',
      error_msg: 'OK',
      data: { task_id: expect.any(String), cmd_jobs: [{ instance_id: 'a44uhlf7' }] },
    });
    expect(await assignment(emu, 'a44uhlf7')).toEqual([0, '']);
  });

  it('answers 2210 when the binding does not exist', async () => {
    const res = await emu.api('POST', '/v1/instances/unassign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1123422' }] },
    });
    expect([res.status, res.json.error_code]).toEqual([200, 'KOOPHONE.API.2210']);
  });

  it('validates the pairs: ≤100 entries, ids ≤32, both fields required; x-request-id optional as in the SDK', async () => {
    const pairs = Array.from({ length: 101 }, () => ({ instance_id: 'a44uhlf7', user_id: '1123422' }));
    for (const body of [
      { user_instances: pairs },
      { user_instances: [{ instance_id: 'a44uhlf7' }] },
      { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1'.repeat(33) }] },
    ]) {
      for (const path of ['/v1/instances/assign', '/v1/instances/unassign']) {
        const res = await emu.api('POST', path, { body });
        expect([path, res.status, res.json.error_code]).toEqual([path, 400, 'KOOPHONE.API.1000']);
      }
    }
    const noId = await emu.api('POST', '/v1/instances/assign', {
      body: { user_instances: [{ instance_id: 'a44uhlf7', user_id: '1123422' }] },
      requestId: false,
    });
    expect(noId.json.error_code).not.toBe('KOOPHONE.API.0002');
  });
});
