import { createHmac, timingSafeEqual } from 'node:crypto';
import { newRandomBase64Url } from './ids';

/** IAM tokens are valid for 24 hours (docs/api/endpoints.md#iam-token). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Real tokens start like this (docs/api/endpoints.md#iam-token); kept so logs and clients see a familiar shape. */
const TOKEN_PREFIX = 'MIIPAgYJKoZIhvcNAQcCo';

/** Length of random filler: real tokens are several KB; clients must cope with long header values. */
const FILLER_LENGTH = 1536;

export interface TokenClaims {
  /** IAM user id. */
  u: string;
  /** Domain (account) id: the KooPhone tenant. */
  d: string;
  /** Project id of a project-scoped token; null for domain-scoped or unscoped tokens. */
  p: string | null;
  /** Issued at / expires at, virtual-clock ms. */
  iat: number;
  exp: number;
}

/**
 * Stateless tokens: the claims and a random filler, authenticated with an HMAC under the emulator's persisted
 * secret. Only this emulator (or a restart of it on the same data dir) accepts them.
 */
export function issueToken(secret: string, claims: TokenClaims): string {
  const body = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${newRandomBase64Url(FILLER_LENGTH)}`;
  return `${TOKEN_PREFIX}${body}.${sign(secret, body)}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'expired' };

export function verifyToken(secret: string, token: string, nowMs: number): TokenCheck {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: 'malformed' };
  const rest = token.slice(TOKEN_PREFIX.length);
  const lastDot = rest.lastIndexOf('.');
  if (lastDot < 0) return { ok: false, reason: 'malformed' };
  const body = rest.slice(0, lastDot);
  const given = Buffer.from(rest.slice(lastDot + 1));
  const expected = Buffer.from(sign(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'malformed' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body.split('.')[0], 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (nowMs >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
