import {
  buildCanonicalRequest,
  canonicalQueryString,
  computeSignature,
  sha256Hex,
  verifySignedRequest,
  type SignableRequest,
} from './aksk-signature';

// Test vectors of docs/api/endpoints.md#aksk.
const AK = 'AKEXAMPLE0000000000';
const SK = 'SKEXAMPLE0000000000000000000000000000000';
const DATE = '20250827T080000Z';
const DATE_MS = Date.UTC(2025, 7, 27, 8, 0, 0);
const HOST = 'koophone.myhuaweicloud.com';

function request(method: string, url: string, headers: Record<string, string>, body: string): SignableRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, url, header: (name) => lower[name.toLowerCase()], body: Buffer.from(body) };
}

const vectorA = {
  body: '{"instance_ids":["a44uhlf7","efjy72gs"]}',
  headers: {
    'content-type': 'application/json',
    'x-request-id': '0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e00',
    host: HOST,
    'x-sdk-date': DATE,
  },
  signedHeaders: ['content-type', 'host', 'x-request-id', 'x-sdk-date'],
  signature: '3ff7d933b462ef8443510eaa44ac3787d00ffa92d77399185dc81301c40d72c3',
};

const vectorB = {
  url: '/v1/instances/batch-query?page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE&x-request-id=0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e01&instance_name=kp%20demo',
  headers: { 'content-type': 'application/json', host: HOST, 'x-sdk-date': DATE },
  signedHeaders: ['content-type', 'host', 'x-sdk-date'],
  signature: '3988cfe9f123acfe86b62d9e88187ea27d086d5c5f63fcaa3a85065eea317e51',
};

describe('SDK-HMAC-SHA256 verifier (docs/api/endpoints.md#aksk test vectors)', () => {
  it('vector A: hashes the payload and reproduces the documented signature', () => {
    expect(sha256Hex(vectorA.body)).toBe('4dbb5c7f7dd65db861253cc2b01f499f1a0a12ac4f86e72546421437b6783bb4');
    const req = request('POST', '/v1/instances/batch-query-status', vectorA.headers, vectorA.body);
    expect(computeSignature(SK, DATE, buildCanonicalRequest(req, vectorA.signedHeaders))).toBe(vectorA.signature);
  });

  it('vector B: sorts and re-encodes the query and reproduces the documented signature', () => {
    const query = vectorB.url.split('?')[1];
    expect(canonicalQueryString(query)).toBe(
      'instance_name=kp%20demo&page_no=1&page_size=100&pool_scene_tag=CLOUD_PHONE&x-request-id=0f6e2c1e-8d2b-4a7e-9a53-2f4b6c1d9e01',
    );
    const req = request('GET', vectorB.url, vectorB.headers, '');
    expect(computeSignature(SK, DATE, buildCanonicalRequest(req, vectorB.signedHeaders))).toBe(vectorB.signature);
  });

  it('accepts vector A as a whole signed request within 15 minutes of the clock', () => {
    const req = request(
      'POST',
      '/v1/instances/batch-query-status',
      {
        ...vectorA.headers,
        authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${vectorA.signedHeaders.join(';')}, Signature=${vectorA.signature}`,
      },
      vectorA.body,
    );
    const lookup = (ak: string) => (ak === AK ? SK : undefined);
    expect(verifySignedRequest(req, lookup, DATE_MS + 14 * 60 * 1000)).toEqual({ ok: true, accessKey: AK });
    expect(verifySignedRequest(req, lookup, DATE_MS + 16 * 60 * 1000)).toMatchObject({ ok: false });
    expect(verifySignedRequest(req, () => undefined, DATE_MS)).toEqual({ ok: false, reason: 'unknown access key' });
  });

  it('rejects a request whose body was changed after signing', () => {
    const req = request(
      'POST',
      '/v1/instances/batch-query-status',
      {
        ...vectorA.headers,
        authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${vectorA.signedHeaders.join(';')}, Signature=${vectorA.signature}`,
      },
      '{"instance_ids":["a44uhlf7"]}',
    );
    expect(verifySignedRequest(req, () => SK, DATE_MS)).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  it('treats + in the query as a space, like the route query parser', () => {
    expect(canonicalQueryString('instance_name=kp+demo&a=2&a=1')).toBe('a=1&a=2&instance_name=kp%20demo');
  });
});
