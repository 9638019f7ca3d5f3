import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Huawei "SDK-HMAC-SHA256" (APIG) request signing, verified exactly as docs/api/endpoints.md#aksk describes:
 * CanonicalRequest → StringToSign → hex HMAC-SHA256 keyed with the SK bytes.
 */
export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** Maximum accepted distance between X-Sdk-Date and the (virtual) server clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 encoding: unreserved `A-Z a-z 0-9 - _ . ~` kept, everything else `%XX` upper case. */
export function rfc3986Encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Path segments URI-encoded, always ending with `/` (`/v1/instances/batch-query/`). */
export function canonicalUri(rawPath: string): string {
  const encoded = rawPath
    .split('/')
    .map((segment) => rfc3986Encode(decodeLenient(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Parameters sorted by name (values sorted for repeated names), `enc(name)=enc(value)` joined with `&`. */
export function canonicalQueryString(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    // '+' means space, as in the query parser the routes use, so a URLSearchParams client verifies too.
    pairs.push([decodeLenient(name.replace(/\+/g, ' ')), decodeLenient(value.replace(/\+/g, ' '))]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${rfc3986Encode(n)}=${rfc3986Encode(v)}`).join('&');
}

export interface SignableRequest {
  method: string;
  /** Path and query exactly as on the request line, e.g. `/v1/instances/batch-query?page_no=1`. */
  url: string;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  body: Buffer;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildCanonicalRequest(req: SignableRequest, signedHeaders: string[]): string {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = q < 0 ? '' : req.url.slice(q + 1);
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort();
  const headers = names.map((name) => `${name}:${(req.header(name) ?? '').trim()}\n`).join('');
  return [
    req.method.toUpperCase(),
    canonicalUri(path),
    canonicalQueryString(query),
    headers,
    names.join(';'),
    sha256Hex(req.body),
  ].join('\n');
}

export function computeSignature(secretKey: string, sdkDate: string, canonicalRequest: string): string {
  const stringToSign = `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(stringToSign).digest('hex');
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/** `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={a;b}, Signature={hex}`; undefined when not that shape. */
export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/.exec(
    value,
  );
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(';').filter(Boolean), signature: m[3].toLowerCase() };
}

/** `YYYYMMDDTHHMMSSZ` → ms; undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : ms;
}

export type SignatureCheck = { ok: true; accessKey: string } | { ok: false; reason: string };

/**
 * Verifies a signed request. `lookupSecret` maps an AK to its SK (undefined for unknown AKs). Reasons never
 * contain key material.
 */
export function verifySignedRequest(
  req: SignableRequest,
  lookupSecret: (accessKey: string) => string | undefined,
  nowMs: number,
): SignatureCheck {
  const auth = parseAuthorization(req.header('authorization') ?? '');
  if (!auth) return { ok: false, reason: 'Authorization header is not a SDK-HMAC-SHA256 signature' };
  const sdkDate = req.header('x-sdk-date');
  const signedAt = sdkDate ? parseSdkDate(sdkDate) : undefined;
  if (!sdkDate || signedAt === undefined) return { ok: false, reason: 'X-Sdk-Date is missing or malformed' };
  if (Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS)
    return { ok: false, reason: 'X-Sdk-Date is more than 15 minutes off' };
  const signed = auth.signedHeaders.map((h) => h.toLowerCase());
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) {
    return { ok: false, reason: 'SignedHeaders must include host and x-sdk-date' };
  }
  if (signed.some((h) => req.header(h) === undefined)) return { ok: false, reason: 'a signed header is missing' };
  const secret = lookupSecret(auth.accessKey);
  if (secret === undefined) return { ok: false, reason: 'unknown access key' };
  const expected = computeSignature(secret, sdkDate, buildCanonicalRequest(req, signed));
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true, accessKey: auth.accessKey };
}
