import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from '../schemas/wire/common';
import { encodeRfc3986, type SignableRequest } from './aksk-signer';
import { acquireOrigin, type SharedOrigin } from './connection-pool';
import { lookupErrorCode, normalizeErrorCode } from './error-codes';
import {
  createApiError,
  explain,
  InvalidArgumentError,
  KooPhoneNetworkError,
  KooPhoneOutcomeUnknownError,
  KooPhoneUnexpectedResponseError,
} from './errors';
import type { AnyOperation, CallInput, Operation } from './operation';
import type { SecretRedactor } from './redact';

/**
 * The one request loop (exactly one place sends requests): validation, auth, concurrency limit,
 * timeouts, retries with backoff, response parsing and error mapping all live here.
 */

/** Credentials for one attempt. Obtained before a concurrency slot is taken, because getting an IAM token needs one. */
export interface AuthTicket {
  /** Headers that authenticate this exact request (a signature covers method, path, query, headers and body). */
  headers(req: SignableRequest): Record<string, string>;
  /** After a 401: forget the credential; true when a fresh one could succeed (only refreshable IAM tokens). */
  renew(): boolean;
}

export interface Authenticator {
  ticket(): Promise<AuthTicket>;
}

/** Names the service behind an endpoint and the config key / environment variable that sets it. */
export interface EndpointSetting {
  service: string;
  /** e.g. "`koophone:endpoint` (or $KOOPHONE_ENDPOINT)". */
  setting: string;
}

/** Test seams: time is never asserted, but the delays the loop asks for are. */
export interface TransportHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface TransportOptions {
  endpoint: string;
  /** What this endpoint is and where the user sets it, for network errors: e.g. the KooPhone API, `koophone:endpoint`. */
  endpointSetting?: EndpointSetting;
  auth: Authenticator;
  redactor: SecretRedactor;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  retryBaseMs: number;
  maxRetryDelayMs: number;
  userAgent: string;
  /** Validate requests with the wire schemas before sending (default true; tests of server-side limits turn it off). */
  validateRequests: boolean;
  hooks?: TransportHooks;
}

export interface CallResult<T> {
  data: T;
  status: number;
  headers: Readonly<Record<string, string>>;
  requestId: string;
}

/** Retry-After above this is ignored in favour of our own backoff (a minute-long stall is worse than a retry). */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Connection errors raised before a single byte of the request reached the server: safe to retry even for
 * non-idempotent calls. Anything after the connection was established (reset, "other side closed", timeouts) may
 * have been processed.
 */
const PRE_SEND_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The parts of an operation that judge its answer. */
type ResponseSpec<T> = Pick<
  Operation<unknown, unknown, unknown, T>,
  'name' | 'replaySafe' | 'envelope' | 'requiredResponseHeaders' | 'response'
>;

type Attempt =
  | { kind: 'response'; requestId: string; status: number; headers: Record<string, string>; text: string }
  | { kind: 'network'; requestId: string; error: unknown; errorCode: string; preSend: boolean };

type Decision<T> =
  | { action: 'return'; result: CallResult<T> }
  /** mayHaveApplied: the failed attempt was sent and got no usable answer (network after send, 5xx, 408). */
  | { action: 'retry'; error: Error; retryAfterMs?: number; mayHaveApplied: boolean }
  | { action: 'reauth'; error: Error }
  | { action: 'throw'; error: Error };

export class Transport {
  private readonly origin: string;
  private readonly host: string;
  private readonly basePath: string;
  private readonly shared: SharedOrigin;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly opts: TransportOptions) {
    const url = new URL(opts.endpoint);
    this.origin = url.origin;
    this.host = url.host;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.shared = acquireOrigin(this.origin, opts.concurrency, opts.timeoutMs);
    this.sleep = opts.hooks?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = opts.hooks?.random ?? Math.random;
  }

  async close(): Promise<void> {
    await this.shared.release();
  }

  async call<TBody, TQuery, TParams, TResult>(
    op: Operation<TBody, TQuery, TParams, TResult>,
    input: CallInput<TBody, TQuery, TParams> = {},
  ): Promise<CallResult<TResult>> {
    const body = this.checkPart(op, 'body', op.body, input.body);
    const query = this.checkPart(op, 'query', op.query, input.query);
    const params = this.checkPart(op, 'params', op.params, input.params);
    const path = this.basePath + expandPath(op.path, params);
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    const baseQuery = queryPairs(query);

    let retries = 0;
    let renewed = false;
    let maybeApplied = false;
    for (;;) {
      const ticket = await this.opts.auth.ticket();
      const attempt = await this.attempt(op, ticket, path, baseQuery, bodyText);
      const decision: Decision<TResult> = this.decide(op, attempt, maybeApplied);
      if (decision.action === 'return') return decision.result;
      if (decision.action === 'throw') throw decision.error;
      if (decision.action === 'reauth') {
        // One re-authentication per call: a second 401 with a brand-new token is a real credential problem.
        if (!renewed && ticket.renew()) {
          renewed = true;
          continue;
        }
        throw decision.error;
      }
      if (retries >= this.opts.maxRetries) throw decision.error;
      maybeApplied ||= decision.mayHaveApplied;
      await this.sleep(this.retryDelay(retries, decision.retryAfterMs));
      retries++;
    }
  }

  /** ≈ retryBaseMs·2ⁿ, capped, minus up to 25 % jitter; a sane server-sent Retry-After wins. */
  retryDelay(retryIndex: number, retryAfterMs?: number): number {
    if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= MAX_RETRY_AFTER_MS) return retryAfterMs;
    const base = Math.min(this.opts.maxRetryDelayMs, this.opts.retryBaseMs * 2 ** retryIndex);
    return Math.round(base * (1 - 0.25 * this.random()));
  }

  private checkPart<T>(
    op: { name: string },
    part: string,
    schema: z.ZodType<T> | undefined,
    value: T | undefined,
  ): T | undefined {
    if (value === undefined || schema === undefined) return value;
    if (!this.opts.validateRequests) return value;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = formatPath(issue.path);
    throw new InvalidArgumentError({
      status: 0,
      code: 'CLIENT.INVALID_REQUEST',
      apiMessage: '',
      requestId: '',
      endpoint: op.name,
      field,
      explanation: `request ${part} field \`${field || '(root)'}\` is invalid: ${issue.message}. Nothing was sent.`,
    });
  }

  private async attempt(
    op: Pick<AnyOperation, 'name' | 'method' | 'requestIdInQuery'>,
    ticket: AuthTicket,
    path: string,
    baseQuery: Array<[string, string]>,
    bodyText: string | undefined,
  ): Promise<Attempt> {
    // A fresh id per HTTP request; the error reports the id of the attempt that failed.
    const requestId = randomUUID();
    const query = op.requestIdInQuery ? [...baseQuery, ['x-request-id', requestId] as [string, string]] : baseQuery;
    const signed: Record<string, string> = { 'x-request-id': requestId };
    if (bodyText !== undefined) signed['content-type'] = 'application/json';
    const authHeaders = ticket.headers({
      method: op.method,
      host: this.host,
      path,
      query,
      headers: signed,
      body: bodyText,
    });
    const headers = { ...signed, ...authHeaders, accept: 'application/json', 'user-agent': this.opts.userAgent };
    const search = query.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');

    const release = await this.shared.limiter.acquire();
    try {
      const res = await this.shared.pool.request({
        method: op.method,
        path: search ? `${path}?${search}` : path,
        headers,
        body: bodyText,
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
      });
      // Always read the body to the end, whatever the status: undici keeps the socket busy until it is consumed.
      const text = await res.body.text();
      return { kind: 'response', requestId, status: res.statusCode, headers: flattenHeaders(res.headers), text };
    } catch (error) {
      const errorCode = networkErrorCode(error);
      return { kind: 'network', requestId, error, errorCode, preSend: PRE_SEND_ERRORS.has(errorCode) };
    } finally {
      release();
    }
  }

  private decide<T>(op: ResponseSpec<T>, attempt: Attempt, maybeAppliedEarlier: boolean): Decision<T> {
    if (attempt.kind === 'network') return this.decideNetwork(op, attempt);
    const { status, text, requestId } = attempt;
    const ok = status >= 200 && status < 300;
    const json = ok && op.envelope === 'bss' && text.trim() === '' ? {} : parseJson(text);

    if (ok && op.envelope === 'koophone') {
      const code = envelopeCode(json);
      if (code === undefined)
        return this.unexpected(op, attempt, 'error_code', 'missing (no KooPhone envelope in the answer)');
      if (code !== '0') return this.decideFailure(op, attempt, code, envelopeMessage(json), maybeAppliedEarlier);
    }
    if (ok) {
      for (const name of op.requiredResponseHeaders ?? []) {
        if (!attempt.headers[name.toLowerCase()]) return this.unexpected(op, attempt, `header ${name}`, 'missing');
      }
      if (json === undefined) return this.unexpected(op, attempt, '(body)', 'not JSON');
      const parsed = op.response.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return this.unexpected(op, attempt, formatPath(issue.path) || '(body)', issue.message);
      }
      return { action: 'return', result: { data: parsed.data, status, headers: attempt.headers, requestId } };
    }
    const errorBody = errorBodySchema.safeParse(json);
    const body: ErrorBody = errorBody.success ? errorBody.data : {};
    const code = body.error_code ?? body.error?.code ?? `HTTP.${status}`;
    const message = body.error_msg ?? body.error?.message ?? body.error?.title ?? '';
    return this.decideFailure(op, attempt, code, message, maybeAppliedEarlier);
  }

  /** A non-success answer (any status) with its code. */
  private decideFailure<T>(
    op: { name: string; replaySafe: boolean },
    attempt: Extract<Attempt, { kind: 'response' }>,
    code: string,
    rawMessage: string,
    maybeAppliedEarlier: boolean,
  ): Decision<T> {
    const { status, requestId } = attempt;
    const apiMessage = this.opts.redactor.scrub(rawMessage);
    const known = lookupErrorCode(code);
    const { category } = explain(code, status);
    const retryAfterMs = parseRetryAfter(attempt.headers['retry-after']);
    const rateLimited = category === 'rate-limited' || status === 429;
    // Known codes decide by their meaning; unknown ones by HTTP status (408/409/429/5xx are transient).
    const transient = known
      ? category === 'busy' || category === 'server' || category === 'rate-limited'
      : status === 408 || status === 409 || status === 429 || status >= 500;
    const error = createApiError({
      status,
      code,
      apiMessage,
      requestId,
      endpoint: op.name,
      retryable: transient,
      maybeAppliedEarlier,
    });
    // The server may have acted before failing: a later refusal of the replay does not prove nothing happened.
    const mayHaveApplied = known ? category === 'server' : status >= 500 || status === 408;

    // 1001/1003 are permissions on the instance/API: a new token will not change them.
    const permission = ['1001', '1003'].includes(normalizeErrorCode(code));
    if (status === 401 && !permission) return { action: 'reauth', error };

    if (!op.replaySafe) {
      // Throttling happens at the gateway before the request is forwarded, and "busy" codes (2005/2006) are the
      // service refusing without acting: both are safe to replay. 5xx, 408 and server-failure codes leave the outcome
      // open (the order may have been placed before the failure), so the caller must reconcile.
      if (rateLimited) return { action: 'retry', error, retryAfterMs, mayHaveApplied: false };
      if (category === 'busy' && known && status < 500)
        return { action: 'retry', error, retryAfterMs, mayHaveApplied: false };
      if (mayHaveApplied) {
        return {
          action: 'throw',
          error: new KooPhoneOutcomeUnknownError({
            code,
            explanation: `The ${op.name} call failed on the server side (HTTP ${status}${apiMessage ? `, "${apiMessage}"` : ''}) and may or may not have been applied; it was not retried. Check the current state before trying again.`,
            requestId,
            endpoint: op.name,
            status,
            apiMessage,
          }),
        };
      }
      return { action: 'throw', error };
    }
    return transient ? { action: 'retry', error, retryAfterMs, mayHaveApplied } : { action: 'throw', error };
  }

  private decideNetwork<T>(
    op: { name: string; replaySafe: boolean },
    attempt: Extract<Attempt, { kind: 'network' }>,
  ): Decision<T> {
    const { requestId, errorCode, preSend } = attempt;
    const detail = this.opts.redactor.scrub(describeNetworkError(attempt.error));
    const code = `NETWORK.${errorCode}`;
    const { service, setting } = this.opts.endpointSetting ?? { service: 'the server', setting: 'the endpoint' };
    if (!op.replaySafe && !preSend) {
      return {
        action: 'throw',
        error: new KooPhoneOutcomeUnknownError({
          code,
          explanation: `The connection to ${service} at ${this.origin} broke after the ${op.name} request was sent (${detail}), so it may or may not have been applied; it was not retried. Check the current state before trying again.`,
          requestId,
          endpoint: op.name,
          cause: attempt.error,
        }),
      };
    }
    const error = new KooPhoneNetworkError({
      status: 0,
      code,
      apiMessage: detail,
      requestId,
      endpoint: op.name,
      retryable: true,
      explanation:
        `Could not reach ${service} at ${this.origin}: ${detail}; no server answered, even after retries with backoff. ` +
        `Check ${setting} and the network (DNS, proxy, firewall)${preSend ? '; the request was never sent' : ''}.`,
      cause: attempt.error,
    });
    return { action: 'retry', error, mayHaveApplied: !preSend };
  }

  /** A 2xx whose body breaks the schema: never retried; for non-idempotent calls the outcome is unknown. */
  private unexpected<T>(
    op: { name: string; replaySafe: boolean },
    attempt: Extract<Attempt, { kind: 'response' }>,
    field: string,
    issue: string,
  ): Decision<T> {
    const explanation = `The ${op.name} answer (HTTP ${attempt.status}) has an unexpected shape at \`${field}\`: ${issue}`;
    if (!op.replaySafe) {
      return {
        action: 'throw',
        error: new KooPhoneOutcomeUnknownError({
          code: 'CLIENT.UNEXPECTED_RESPONSE',
          explanation: `${explanation}. The request may have been applied; check the current state before trying again.`,
          requestId: attempt.requestId,
          endpoint: op.name,
          status: attempt.status,
        }),
      };
    }
    return {
      action: 'throw',
      error: new KooPhoneUnexpectedResponseError({
        status: attempt.status,
        code: 'CLIENT.UNEXPECTED_RESPONSE',
        apiMessage: '',
        requestId: attempt.requestId,
        endpoint: op.name,
        field,
        retryable: false,
        explanation: `${explanation}. The API changed, or ${this.opts.endpointSetting?.setting ?? 'the endpoint'} does not point at ${this.opts.endpointSetting?.service ?? 'the right server'}.`,
      }),
    };
  }
}

/** `a.b[0].c` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function expandPath(template: string, params: unknown): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params && typeof params === 'object' ? (params as Record<string, unknown>)[name] : undefined;
    if (typeof value !== 'string' || value === '') throw new TypeError(`missing path parameter ${name}`);
    return encodeRfc3986(value);
  });
}

function queryPairs(query: unknown): Array<[string, string]> {
  if (!query || typeof query !== 'object') return [];
  const pairs: Array<[string, string]> = [];
  // Query values are primitives (strings, numbers, booleans) by construction of every operation.
  for (const [key, value] of Object.entries(query as Record<string, string | number | boolean | null | undefined>)) {
    if (value === undefined || value === null) continue;
    pairs.push([key, String(value)]);
  }
  return pairs;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `error_code` sits at the top level; batch-query also puts it inside `data` (docs/api/ambiguities.md#a2). */
function envelopeCode(json: unknown): string | undefined {
  const top = field(json, 'error_code');
  const inner = field(field(json, 'data'), 'error_code');
  const code = top ?? inner;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

function envelopeMessage(json: unknown): string {
  const msg = field(json, 'error_msg') ?? field(field(json, 'data'), 'error_msg');
  return typeof msg === 'string' ? msg : '';
}

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>)[key] : undefined;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkErrorCode(error: unknown): string {
  const own = field(error, 'code');
  if (typeof own === 'string') return own;
  // Happy-eyeballs connects report an AggregateError whose members carry the code.
  const members = field(error, 'errors');
  if (Array.isArray(members)) {
    const inner = field(members[0], 'code');
    if (typeof inner === 'string') return inner;
  }
  return 'UNKNOWN';
}

/** What went wrong on the wire, in words, with the system code (the raw message repeats host and port). */
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed for now (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer within the timeout',
  UND_ERR_BODY_TIMEOUT: 'the answer stalled within the timeout',
  UND_ERR_SOCKET: 'the connection was closed by the other side',
};

function describeNetworkError(error: unknown): string {
  const code = networkErrorCode(error);
  const words = NETWORK_WORDS[code];
  if (words) return `${words}, ${code}`;
  if (error instanceof Error) return `${code}: ${error.message}`;
  return String(error);
}
