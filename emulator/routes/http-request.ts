import type { FastifyRequest } from 'fastify';
import type { SignableRequest } from '../model/aksk-signature';
import { invalidParameter } from '../model/error-codes';

/** The raw body the catch-all content-type parser keeps (needed byte-exact for AK/SK payload hashes). */
export function rawBody(req: FastifyRequest): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

export function headerValue(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

export function toSignable(req: FastifyRequest): SignableRequest {
  return {
    method: req.method,
    url: req.raw.url ?? req.url,
    header: (name) => headerValue(req, name),
    body: rawBody(req),
  };
}

/** Parses the JSON body; malformed JSON is KOOPHONE.API.1000 (never a 500). An empty body is undefined. */
export function jsonBody(req: FastifyRequest): unknown {
  const raw = rawBody(req);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw invalidParameter('body: malformed JSON');
  }
}

export type QueryRecord = Record<string, string | string[] | undefined>;

export function queryOf(req: FastifyRequest): QueryRecord {
  return (req.query ?? {}) as QueryRecord;
}
