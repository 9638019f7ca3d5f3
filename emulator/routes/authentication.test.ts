import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import type { ICredential } from '@huaweicloud/huaweicloud-sdk-core/auth/ICredential';
import { request } from 'undici';
import { EmulatorHarness } from '../testing/emulator-harness';

const DEMO_AK = 'DEMOACCESSKEY0000000';
const DEMO_SK = 'demo-secret-key';

/** Signs with Huawei's own Node SDK signer: an implementation independent of the emulator's verifier. */
function sdkSign(
  url: string,
  method: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  data: unknown,
  sk = DEMO_SK,
) {
  const credential = { getAk: () => DEMO_AK, getSk: () => sk } as unknown as ICredential;
  return AKSKSigner.sign(
    { endpoint: url, method, queryParams: query, headers: { ...headers }, data },
    credential,
  ) as Record<string, string>;
}

describe('KooPhone authentication: X-Auth-Token or AK/SK (docs/api/endpoints.md#authentication)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    await emu.seedInstances([{ instanceName: 'auth-00001', instanceId: 'a44uhlf7' }]);
  });
  afterAll(() => emu.close());

  async function signedCall(
    method: 'GET' | 'POST',
    path: string,
    opts: { query?: Record<string, string>; body?: unknown; sk?: string; sentBody?: string } = {},
  ) {
    const query = opts.query ?? {};
    const headers = { 'Content-Type': 'application/json', 'x-request-id': 'f0e1d2c3-0000-4000-8000-000000000001' };
    const signed = sdkSign(`${emu.url}${path}`, method, query, headers, opts.body, opts.sk);
    const qs = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const res = await request(`${emu.url}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers: signed,
      body: opts.sentBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    return { status: res.statusCode, json: (await res.body.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('accepts requests signed with the demo AK/SK by the official SDK signer (POST with body, GET with query)', async () => {
    const post = await signedCall('POST', '/v1/instances/batch-query-status', { body: { instance_ids: ['a44uhlf7'] } });
    expect(post).toEqual({
      status: 200,
      json: { error_code: '0', error_msg: 'ok', data: { status_results: [{ instance_id: 'a44uhlf7', status: 2 }] } },
    });
    const get = await signedCall('GET', '/v1/instances/batch-query', {
      query: { page_no: '1', page_size: '10', instance_name: 'auth 0' },
    });
    expect(get.status).toBe(200);
    expect(get.json.data.total_count).toBe(0);
    const getAll = await signedCall('GET', '/v1/instances/batch-query', {
      query: { page_no: '1', page_size: '10', instance_name: 'auth-0' },
    });
    expect(getAll.json.data.total_count).toBe(1);
  });

  it('accepts AK/SK on GET /v3/auth/projects as IAM does, and answers a bad signature Keystone-style', async () => {
    const ok = await signedCall('GET', '/v3/auth/projects');
    expect(ok.status).toBe(200);
    expect(ok.json.projects.map((p: { name: string }) => p.name)).toEqual(['cn-north-4']);
    const bad = await signedCall('GET', '/v3/auth/projects', { sk: 'wrong' });
    expect([bad.status, bad.json.error.code]).toEqual([401, 401]);
  });

  it('rejects a wrong secret key, a changed body and a date more than 15 minutes off with 401 APIGW.0301', async () => {
    const wrongKey = await signedCall('POST', '/v1/instances/batch-query-status', {
      body: { instance_ids: ['a44uhlf7'] },
      sk: 'other',
    });
    expect([wrongKey.status, wrongKey.json.error_code]).toEqual([401, 'APIGW.0301']);
    expect(JSON.stringify(wrongKey.json)).not.toContain(DEMO_SK);
    const changed = await signedCall('POST', '/v1/instances/batch-query-status', {
      body: { instance_ids: ['a44uhlf7'] },
      sentBody: '{"instance_ids":["zzzzzzzz"]}',
    });
    expect([changed.status, changed.json.error_code]).toEqual([401, 'APIGW.0301']);
    await emu.advance(16 * 60);
    const skewed = await signedCall('POST', '/v1/instances/batch-query-status', {
      body: { instance_ids: ['a44uhlf7'] },
    });
    expect([skewed.status, skewed.json.error_code]).toEqual([401, 'APIGW.0301']);
  });

  it('rejects missing credentials, garbage tokens and tokens of another emulator with 401 APIGW.0301', async () => {
    const other = await EmulatorHarness.start();
    const foreignToken = await other.token();
    await other.close();
    for (const token of [null, 'not-a-token', `${(await emu.token()).slice(0, -4)}AAAA`, foreignToken]) {
      const res = await emu.api('POST', '/v1/instances/batch-query-status', {
        body: { instance_ids: ['a44uhlf7'] },
        token,
      });
      expect([res.status, res.json.error_code]).toEqual([401, 'APIGW.0301']);
      if (token) expect(res.text).not.toContain(token);
    }
  });

  it('expires tokens 24 hours after issue on the virtual clock', async () => {
    const token = await emu.issueToken();
    await emu.advance(24 * 3600 - 120);
    expect((await emu.api('GET', '/v1/instances/sku?type=0', { token })).status).toBe(200);
    await emu.advance(120);
    const expired = await emu.api('GET', '/v1/instances/sku?type=0', { token });
    expect([expired.status, expired.json.error_code]).toEqual([401, 'APIGW.0301']);
    expect(expired.json.error_msg).toContain('expires');
  });
});
