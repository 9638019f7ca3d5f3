import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import {
  canonicalQueryString,
  computeSignature,
  EMPTY_BODY_SHA256,
  signRequest,
  type SignableRequest,
} from './aksk-signer';

/**
 * The signer must be bit-for-bit the official Huawei Node signer (the test oracle, a devDependency) on every request
 * the transport can produce, and reproduce the docs/api/endpoints.md#aksk vectors.
 */

const VECTOR_AK = 'AKEXAMPLE0000000000';
const VECTOR_SK = 'SKEXAMPLE0000000000000000000000000000000';
const VECTOR_DATE = '20250827T080000Z';
const VECTOR_HOST = 'koophone.myhuaweicloud.com';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  req: SignableRequest;
  bodyObject: Record<string, unknown> | undefined;
  queryObject: Record<string, string | string[]>;
  date: Date;
  creds: { accessKey: string; secretKey: string; securityToken?: string };
  oracleHeaders: Record<string, string>;
}

const QUERY_KEYS = [
  'page_no',
  'page_size',
  'instance_name',
  'pool_scene_tag',
  'x-request-id',
  'q',
  'a b',
  'ключ',
  '名前',
  'tag~',
  'z.y',
  'A',
  'a',
  '_x',
];
const QUERY_VALUES = [
  'kp demo',
  'kp%20demo',
  '100',
  '',
  'CLOUD_PHONE',
  'a&b=c',
  'plus+sign',
  'slash/and?query#frag',
  '你好 世界',
  'emoji 😀 ok',
  "it's (a) *test*!",
  'tilde~dash-under_score.dot',
  'ünïcödé',
  '0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e01',
];
const PATH_SEGMENTS = [
  'v1',
  'instances',
  'batch-query',
  'a44uhlf7',
  'Q39YyZvl',
  'auth',
  'tasks',
  'ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4',
  'a%20b',
  '%E4%BD%A0%E5%A5%BD',
  'x~y.z',
];
const BODY_STRINGS = ['a44uhlf7', 'ls -l /system', '你好', 'emoji 😀', 'quote " and \\ backslash', '', 'line\nbreak'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function randomToken(
  rnd: () => number,
  length: number,
  alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rnd() * alphabet.length)];
  return out;
}

/** A printable header value without surrounding whitespace (the transport never sends padded values). */
function headerValue(rnd: () => number): string {
  const inner = randomToken(rnd, 1 + Math.floor(rnd() * 20), 'abcXYZ019 -_=;,./:+"()');
  return `v${inner}v`;
}

function generate(rnd: () => number): Generated {
  const method = pick(rnd, ['GET', 'POST', 'PUT', 'DELETE']);
  const host = pick(rnd, [VECTOR_HOST, '127.0.0.1:45123', 'iam.cn-north-4.myhuaweicloud.com']);
  const segments = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(rnd, PATH_SEGMENTS));
  const path = `/${segments.join('/')}${rnd() < 0.2 ? '/' : ''}`;

  const queryObject: Record<string, string | string[]> = {};
  const pairs: Array<[string, string]> = [];
  const keyCount = Math.floor(rnd() * 6);
  for (let i = 0; i < keyCount; i++) {
    const key = pick(rnd, QUERY_KEYS);
    if (key in queryObject) continue;
    if (rnd() < 0.25) {
      const values = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(rnd, QUERY_VALUES));
      queryObject[key] = values;
      for (const v of values) pairs.push([key, v]);
    } else {
      const value = pick(rnd, QUERY_VALUES);
      queryObject[key] = value;
      pairs.push([key, value]);
    }
  }

  const headers: Record<string, string> = {};
  if (method !== 'GET' || rnd() < 0.5) headers['content-type'] = 'application/json';
  if (rnd() < 0.8) headers['x-request-id'] = `${randomToken(rnd, 8, '0123456789abcdef')}-8d2b-4a7e-9a53-2f4b6c1d9e00`;
  const extra = Math.floor(rnd() * 3);
  for (let i = 0; i < extra; i++)
    headers[`x-${randomToken(rnd, 3 + Math.floor(rnd() * 6), 'abcdefghijklmnopqrstuvwxyz0123456789-')}`] =
      headerValue(rnd);
  if (rnd() < 0.1) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';

  let bodyObject: Record<string, unknown> | undefined;
  if (method !== 'GET' && rnd() < 0.8) {
    bodyObject = {
      instance_ids: Array.from({ length: Math.floor(rnd() * 4) }, () => pick(rnd, BODY_STRINGS)),
      command: pick(rnd, BODY_STRINGS),
      n: Math.floor(rnd() * 10000),
      nested: { ok: rnd() < 0.5, list: [1.5, null] },
    };
  }

  const creds: Generated['creds'] = { accessKey: randomToken(rnd, 20).toUpperCase(), secretKey: randomToken(rnd, 40) };
  if (rnd() < 0.15) creds.securityToken = randomToken(rnd, 64);
  const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(rnd() * 100 * 365 * 86400) * 1000);

  const oracleHeaders: Record<string, string> = { ...headers };
  if (creds.securityToken) oracleHeaders['X-Security-Token'] = creds.securityToken;
  return {
    req: {
      method,
      host,
      path,
      query: pairs,
      headers,
      body: bodyObject === undefined ? undefined : JSON.stringify(bodyObject),
    },
    bodyObject,
    queryObject,
    date,
    creds,
    oracleHeaders,
  };
}

function oracleSign(g: Generated, sdkDate: string): Record<string, string> {
  const signed = AKSKSigner.sign(
    {
      endpoint: `https://${g.req.host}${g.req.path}`,
      method: g.req.method,
      headers: { ...g.oracleHeaders, 'X-Sdk-Date': sdkDate },
      queryParams: g.queryObject,
      data: g.bodyObject,
    },
    {
      getAk: () => g.creds.accessKey,
      getSk: () => g.creds.secretKey,
      processAuthRequest: async (_c, r) => r,
      processAuthParams: async function () {
        return this;
      },
    },
  ) as Record<string, string>;
  return signed;
}

describe('AK/SK signer against the official @huaweicloud/huaweicloud-sdk-core AKSKSigner', () => {
  it('produces bit-identical Authorization and X-Sdk-Date on 2000 generated requests (unicode, spaces, repeated keys, empty bodies, security tokens)', () => {
    const rnd = prng(0x6b6f6f70);
    let withUnicodeQuery = 0;
    let withRepeatedKeys = 0;
    let withEmptyBody = 0;
    for (let i = 0; i < 2000; i++) {
      const g = generate(rnd);
      const ours = signRequest(g.req, g.creds, g.date);
      const theirs = oracleSign(g, ours['X-Sdk-Date']);
      expect({ i, auth: ours.Authorization }).toEqual({ i, auth: theirs.Authorization });
      expect(theirs['X-Sdk-Date']).toBe(ours['X-Sdk-Date']);
      if (g.creds.securityToken) expect(ours['X-Security-Token']).toBe(g.creds.securityToken);
      if ((g.req.query ?? []).some(([k, v]) => /[^\x00-\x7f]/.test(k + v))) withUnicodeQuery++;
      if (Object.values(g.queryObject).some(Array.isArray)) withRepeatedKeys++;
      if (g.req.body === undefined) withEmptyBody++;
    }
    // The generator really covered the odd cases.
    expect(withUnicodeQuery).toBeGreaterThan(100);
    expect(withRepeatedKeys).toBeGreaterThan(100);
    expect(withEmptyBody).toBeGreaterThan(100);
  });

  it('formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC', () => {
    const headers = signRequest(
      { method: 'GET', host: VECTOR_HOST, path: '/v1/instances/sku', headers: {} },
      { accessKey: 'a', secretKey: 'b' },
      new Date('2025-08-27T08:00:00.123Z'),
    );
    expect(headers['X-Sdk-Date']).toBe(VECTOR_DATE);
  });
});

describe('AK/SK signer reproduces the docs/api/endpoints.md#aksk test vectors', () => {
  it('vector A: POST batch-query-status with a JSON body and x-request-id header', () => {
    const parts = computeSignature(
      {
        method: 'POST',
        host: VECTOR_HOST,
        path: '/v1/instances/batch-query-status',
        headers: { 'content-type': 'application/json', 'x-request-id': '0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e00' },
        body: '{"instance_ids":["a44uhlf7","efjy72gs"]}',
      },
      VECTOR_SK,
      VECTOR_DATE,
    );
    expect(parts.signedHeaders).toBe('content-type;host;x-request-id;x-sdk-date');
    expect(parts.payloadHash).toBe('4dbb5c7f7dd65db861253cc2b01f499f1a0a12ac4f86e72546421437b6783bb4');
    expect(parts.signature).toBe('3ff7d933b462ef8443510eaa44ac3787d00ffa92d77399185dc81301c40d72c3');
    // Canonical URI ends with '/', and the header block is followed by a blank line.
    expect(parts.canonicalRequest.split('\n').slice(0, 2)).toEqual(['POST', '/v1/instances/batch-query-status/']);
    expect(parts.canonicalRequest).toContain(
      'x-sdk-date:20250827T080000Z\n\ncontent-type;host;x-request-id;x-sdk-date\n',
    );
  });

  it('vector B: GET batch-query with a space in the query and an empty body', () => {
    const req: SignableRequest = {
      method: 'GET',
      host: VECTOR_HOST,
      path: '/v1/instances/batch-query',
      query: [
        ['page_no', '1'],
        ['page_size', '100'],
        ['pool_scene_tag', 'CLOUD_PHONE'],
        ['x-request-id', '0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e01'],
        ['instance_name', 'kp demo'],
      ],
      headers: { 'content-type': 'application/json' },
    };
    const parts = computeSignature(req, VECTOR_SK, VECTOR_DATE);
    expect(canonicalQueryString(req.query!)).toBe(
      'instance_name=kp%20demo&page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE&x-request-id=0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e01',
    );
    expect(parts.signedHeaders).toBe('content-type;host;x-sdk-date');
    expect(parts.payloadHash).toBe(EMPTY_BODY_SHA256);
    expect(parts.signature).toBe('3988cfe9f123acfe86b62d9e88187ea27d086d5c5f63fcaa3a85065eea317e51');
    const header = signRequest(
      req,
      { accessKey: VECTOR_AK, secretKey: VECTOR_SK },
      new Date('2025-08-27T08:00:00Z'),
    ).Authorization;
    expect(header).toBe(
      'SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=content-type;host;x-sdk-date, Signature=3988cfe9f123acfe86b62d9e88187ea27d086d5c5f63fcaa3a85065eea317e51',
    );
  });
});

describe('AK/SK signer details the oracle leaves open', () => {
  const base: SignableRequest = {
    method: 'POST',
    host: VECTOR_HOST,
    path: '/v1/instances/reboot',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  };

  it('trims header values as docs/api/endpoints.md#aksk prescribes (the official signer does not; the transport never sends padded values)', () => {
    const padded = computeSignature(
      { ...base, headers: { 'content-type': '  application/json ' } },
      VECTOR_SK,
      VECTOR_DATE,
    );
    const plain = computeSignature(base, VECTOR_SK, VECTOR_DATE);
    expect(padded.signature).toBe(plain.signature);
  });

  it('treats header names case-insensitively', () => {
    const upper = computeSignature(
      { ...base, headers: { 'Content-Type': 'application/json' } },
      VECTOR_SK,
      VECTOR_DATE,
    );
    expect(upper.signature).toBe(computeSignature(base, VECTOR_SK, VECTOR_DATE).signature);
  });

  it('changes the signature when any signed part changes', () => {
    const reference = computeSignature(base, VECTOR_SK, VECTOR_DATE).signature;
    const variants: SignableRequest[] = [
      { ...base, method: 'PUT' },
      { ...base, path: '/v1/instances/batch-reset' },
      { ...base, body: '{ }' },
      { ...base, host: '127.0.0.1:1' },
      { ...base, query: [['a', 'b']] },
      { ...base, headers: { ...base.headers, 'x-request-id': 'x' } },
    ];
    for (const v of variants) expect(computeSignature(v, VECTOR_SK, VECTOR_DATE).signature).not.toBe(reference);
    expect(computeSignature(base, `${VECTOR_SK}x`, VECTOR_DATE).signature).not.toBe(reference);
    expect(computeSignature(base, VECTOR_SK, '20250827T080001Z').signature).not.toBe(reference);
  });
});
