import type { z } from 'zod';

/**
 * Describes one API operation; the transport does everything else (auth, retries, parsing). Endpoint files only
 * build these (endpoint functions only describe method, path, body schema and response schema).
 */
export interface Operation<TBody, TQuery, TParams, TResult> {
  /** Operation name, identical to the emulator's counter/fault names (`create`, `batch-query`, `iam-tokens`, …). */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template; `{name}` placeholders are filled from `params` and percent-encoded. */
  readonly path: string;
  /**
   * false = replaying the request after it may have reached the server could duplicate an effect that costs money or
   * runs twice (create, delete, commands, app install). Such calls are retried only when the request provably was
   * not processed; otherwise the caller gets KooPhoneOutcomeUnknownError and must reconcile.
   */
  readonly replaySafe: boolean;
  /**
   * `koophone`: success ⇔ `error_code === "0"` on a 2xx. `iam`: any 2xx is success (IAM has no envelope). `bss`: any
   * 2xx is success and an empty body reads as `{}` (billing calls answer auto-renew changes without a body).
   */
  readonly envelope: 'koophone' | 'iam' | 'bss';
  /** batch-query takes `x-request-id` as a query parameter (docs/api/endpoints.md#batch-query); it is sent as a header too. */
  readonly requestIdInQuery?: boolean;
  /** Response headers that must be present (IAM: `X-Subject-Token`). */
  readonly requiredResponseHeaders?: readonly string[];
  readonly body?: z.ZodType<TBody>;
  readonly query?: z.ZodType<TQuery>;
  readonly params?: z.ZodType<TParams>;
  readonly response: z.ZodType<TResult>;
}

/** What a call supplies; each part is validated with the operation's schema before anything is sent. */
export interface CallInput<TBody, TQuery, TParams> {
  body?: TBody;
  query?: TQuery;
  params?: TParams;
}

export type AnyOperation = Operation<unknown, unknown, unknown, unknown>;

/** Identity helper that keeps the schema types (so `call()` infers body and result types). */
export function defineOperation<TBody = never, TQuery = never, TParams = never, TResult = unknown>(
  op: Operation<TBody, TQuery, TParams, TResult>,
): Operation<TBody, TQuery, TParams, TResult> {
  return op;
}
