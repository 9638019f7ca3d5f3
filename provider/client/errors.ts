import { infoForStatus, lookupErrorCode, normalizeErrorCode, type ErrorCategory } from './error-codes';

/**
 * One error hierarchy for everything the KooPhone API can answer (docs/api/endpoints.md#errors).
 * Messages never carry credentials: the transport scrubs server text before it gets here.
 */

export interface ApiErrorInit {
  /** HTTP status; 0 when no response arrived (network) or the request was refused locally. */
  status: number;
  /** The raw `error_code` as sent (or `HTTP.<status>`, `NETWORK.<code>`, `CLIENT.<reason>`). */
  code: string;
  apiMessage: string;
  requestId: string;
  /** Operation name, e.g. `create`, `batch-query` (same names as the emulator's counters). */
  endpoint: string;
  explanation?: string;
  retryable?: boolean;
  /** An earlier attempt of the same call got no usable answer after it was sent, so it may have taken effect. */
  maybeAppliedEarlier?: boolean;
  cause?: unknown;
}

export class KooPhoneApiError extends Error {
  override name = 'KooPhoneApiError';
  readonly status: number;
  readonly code: string;
  /** Normalised for matching: `4001` for any of `KOOPHONE.API.4001` / `KooPhone.API.4001` / `KP.API.4001` (docs/api/ambiguities.md#a5). */
  readonly normalizedCode: string;
  readonly apiMessage: string;
  readonly requestId: string;
  readonly endpoint: string;
  readonly explanation: string;
  /** True when the condition is transient: the transport retries these on idempotent calls. */
  readonly retryable: boolean;
  /**
   * True when this refusal came on a retry after an attempt whose answer was lost: that attempt may have been
   * applied (e.g. a reboot that happened makes the retry fail with 5005), so the refusal does not prove nothing changed.
   */
  readonly maybeAppliedEarlier: boolean;

  constructor(init: ApiErrorInit) {
    const base = init.explanation ?? explain(init.code, init.status).explanation;
    const explanation = init.maybeAppliedEarlier
      ? `${base} Note: an earlier attempt of this call got no answer and may have been applied, which can explain this refusal.`
      : base;
    super(formatApiMessage(init, explanation), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.normalizedCode = normalizeErrorCode(init.code);
    this.apiMessage = init.apiMessage;
    this.requestId = init.requestId;
    this.endpoint = init.endpoint;
    this.explanation = explanation;
    this.retryable = init.retryable ?? isRetryableCategory(explain(init.code, init.status).category);
    this.maybeAppliedEarlier = init.maybeAppliedEarlier ?? false;
  }
}

/** KOOPHONE.API.4001 (instance does not exist) and 2210 (user–instance binding does not exist). */
export class NotFoundError extends KooPhoneApiError {
  override name = 'NotFoundError';
}

/** KOOPHONE.API.5001: the API deletes only yearly/monthly phones. */
export class PayPerUseNotDeletableError extends KooPhoneApiError {
  override name = 'PayPerUseNotDeletableError';
}

/** HTTP 429 / APIGW.0308, after the transport's own retries ran out. */
export class RateLimitedError extends KooPhoneApiError {
  override name = 'RateLimitedError';
}

/** Credentials or permissions: HTTP 401/403, APIGW.0301, KOOPHONE.API.1001/1003/6001/6002/0000/0004, IAM refusals. */
export class AuthFailedError extends KooPhoneApiError {
  override name = 'AuthFailedError';
}

/** A parameter the server (or the client's own validation, code `CLIENT.INVALID_REQUEST`) refused. */
export class InvalidArgumentError extends KooPhoneApiError {
  override name = 'InvalidArgumentError';
  /** Dotted path of the offending field when known (client-side validation). */
  readonly field: string | undefined;
  constructor(init: ApiErrorInit & { field?: string }) {
    super(init);
    this.field = init.field;
  }
}

/** No HTTP answer on an idempotent call after all retries (connection refused, reset, timeout). */
export class KooPhoneNetworkError extends KooPhoneApiError {
  override name = 'KooPhoneNetworkError';
}

/** A 2xx answer whose body does not match the wire schema; `field` names the first offending path. */
export class KooPhoneUnexpectedResponseError extends KooPhoneApiError {
  override name = 'KooPhoneUnexpectedResponseError';
  readonly field: string;
  constructor(init: ApiErrorInit & { field: string }) {
    super(init);
    this.field = init.field;
  }
}

export interface OutcomeUnknownInit {
  code: string;
  explanation: string;
  requestId: string;
  endpoint: string;
  status?: number;
  apiMessage?: string;
  cause?: unknown;
}

/**
 * A non-idempotent call (create, delete, commands, app install) may have been applied but no usable answer came back
 * (timeout, connection reset after sending, 5xx, dropped or unreadable response). The client never retries these:
 * money or side effects are at stake. The caller must reconcile (e.g. look the phones up by their name prefix).
 */
export class KooPhoneOutcomeUnknownError extends Error {
  override name = 'KooPhoneOutcomeUnknownError';
  readonly code: string;
  readonly explanation: string;
  readonly requestId: string;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly apiMessage: string | undefined;

  constructor(init: OutcomeUnknownInit) {
    super(`${init.explanation} ${trailer(init)}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.explanation = init.explanation;
    this.requestId = init.requestId;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.apiMessage = init.apiMessage;
  }
}

/** The documented meaning of a code, falling back to the HTTP status for unknown codes. */
export function explain(code: string, status: number): { category: ErrorCategory; explanation: string } {
  return lookupErrorCode(code) ?? infoForStatus(status);
}

/** Builds the right subclass for a server answer. */
export function createApiError(init: ApiErrorInit): KooPhoneApiError {
  const category = lookupErrorCode(init.code)?.category ?? infoForStatus(init.status).category;
  switch (category) {
    case 'not-found':
      return new NotFoundError(init);
    case 'pay-per-use':
      return new PayPerUseNotDeletableError(init);
    case 'rate-limited':
      return new RateLimitedError(init);
    case 'auth':
      return new AuthFailedError(init);
    case 'invalid-argument':
      return new InvalidArgumentError(init);
    default:
      return new KooPhoneApiError(init);
  }
}

export function isRetryableCategory(category: ErrorCategory): boolean {
  return category === 'busy' || category === 'server' || category === 'rate-limited';
}

/**
 * What happened and what to do first; the code, operation and request id (for support) last. Only an HTTP answer
 * has a server message: without one (status 0) no server said anything.
 */
function formatApiMessage(init: ApiErrorInit, explanation: string): string {
  const said = init.apiMessage && init.status > 0 ? ` Server said: "${init.apiMessage}".` : '';
  return `${explanation}${said} ${trailer(init)}`;
}

function trailer(init: { endpoint: string; status?: number; code: string; requestId: string }): string {
  const status = init.status ? `HTTP ${init.status}, ` : '';
  return `(${init.endpoint}: ${status}error code ${init.code}, request id ${init.requestId || 'none'})`;
}
