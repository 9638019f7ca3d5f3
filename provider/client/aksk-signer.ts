import { createHash, createHmac } from 'node:crypto';

/**
 * Huawei "SDK-HMAC-SHA256" AK/SK request signing (docs/api/endpoints.md#aksk), written to produce exactly the output of
 * the official Node signer (`@huaweicloud/huaweicloud-sdk-core` auth/AKSKSigner) — proven in aksk-signer.test.ts.
 *
 * Two deliberate details of the official signer that this one shares:
 * - the canonical URI encodes each segment of the path *as sent* (so an already-escaped `%20` becomes `%2520`) and
 *   always ends with `/`;
 * - query keys are sorted by UTF-16 code unit on their raw (unencoded) names, repeated keys by raw value.
 * Where the official signer differs from docs/api/endpoints.md#aksk (it does not trim header values), this one trims and the transport
 * never sends a header value with surrounding whitespace, so both agree on every request actually sent.
 */

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials only; sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignableRequest {
  method: string;
  /** The Host header value the server will see, with a non-default port (`127.0.0.1:8080`). */
  host: string;
  /** The path exactly as on the request line (already percent-encoded), without the query. */
  path: string;
  /** Decoded query parameters; repeated keys allowed, order irrelevant. */
  query?: ReadonlyArray<readonly [string, string]>;
  /** Headers to sign besides `host` and `x-sdk-date`: content-type, x-request-id, … (names in any case). */
  headers: Readonly<Record<string, string>>;
  /** Exact body bytes sent; undefined or empty for no body. */
  body?: string | Uint8Array;
}

/** Headers to add to the request: the signature and the signing time (and the security token, if any). */
export interface SignatureHeaders {
  'X-Sdk-Date': string;
  Authorization: string;
  'X-Security-Token'?: string;
}

/** Intermediate values, exposed so tests can check each step against the docs/api/endpoints.md#aksk vectors. */
export interface SignatureParts {
  sdkDate: string;
  canonicalRequest: string;
  signedHeaders: string;
  payloadHash: string;
  stringToSign: string;
  signature: string;
}

export function signRequest(req: SignableRequest, creds: AkSkCredentials, now: Date = new Date()): SignatureHeaders {
  const headers: Record<string, string> = { ...req.headers };
  if (creds.securityToken) headers['X-Security-Token'] = creds.securityToken;
  const parts = computeSignature({ ...req, headers }, creds.secretKey, formatSdkDate(now));
  const out: SignatureHeaders = {
    'X-Sdk-Date': parts.sdkDate,
    Authorization: `${SIGNING_ALGORITHM} Access=${creds.accessKey}, SignedHeaders=${parts.signedHeaders}, Signature=${parts.signature}`,
  };
  if (creds.securityToken) out['X-Security-Token'] = creds.securityToken;
  return out;
}

export function computeSignature(req: SignableRequest, secretKey: string, sdkDate: string): SignatureParts {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) headers.set(name.toLowerCase(), value.trim());
  headers.set('host', req.host.trim());
  headers.set('x-sdk-date', sdkDate);
  const names = [...headers.keys()].sort(compareCodeUnits);
  const canonicalHeaders = names.map((n) => `${n}:${headers.get(n)}\n`).join('');
  const signedHeaders = names.join(';');
  // X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) replaces the body hash, as in the official signer.
  const payloadHash = headers.get('x-sdk-content-sha256') ?? sha256Hex(req.body ?? '');
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQueryString(req.query ?? []),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', secretKey).update(stringToSign, 'utf8').digest('hex');
  return { sdkDate, canonicalRequest, signedHeaders, payloadHash, stringToSign, signature };
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Each path segment encoded, joined with `/`, always ending in `/` (`/v1/instances/batch-query/`). */
export function canonicalUri(path: string): string {
  const uri = path.split('/').map(encodeRfc3986).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function canonicalQueryString(query: ReadonlyArray<readonly [string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of query) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const pairs: string[] = [];
  for (const key of [...byKey.keys()].sort(compareCodeUnits)) {
    for (const value of byKey.get(key)!.sort(compareCodeUnits))
      pairs.push(`${encodeRfc3986(key)}=${encodeRfc3986(value)}`);
  }
  return pairs.join('&');
}

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes: unreserved `A–Z a–z 0–9 - _ . ~` kept, everything else `%XX` upper
 * case (space → `%20`, never `+`). A lone surrogate cannot be encoded and throws, like encodeURIComponent.
 */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
