import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultBook, Fault } from '../control/faults';
import type { RequestCounters } from '../control/counters';
import type { EmulatorModel } from '../model/emulator-model';
import { ApiError, defaultCodeForStatus, defaultMessageFor, httpStatusFor } from '../model/error-codes';
import { IamError, iamErrorBody } from '../model/iam-ops';
import { NOT_IMPLEMENTED_CODE, NotImplementedError } from '../model/not-implemented';
import type { Op } from '../model/ops';

export interface RouteDeps {
  model: EmulatorModel;
  faults: FaultBook;
  counters: RequestCounters;
}

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The JSON error of a failed operation: business codes as `{error_code, error_msg}` with the status of docs/api/endpoints.md#errors. */
export function errorResult(op: Op, err: unknown, requestId: string): HttpResult {
  if (err instanceof ApiError) {
    const body: Record<string, string> = { error_code: err.code, error_msg: err.message };
    // API gateway errors carry the gateway's request id, as APIG does.
    if (err.code.startsWith('APIGW.')) body.request_id = requestId;
    return { status: httpStatusFor(err.code, op), body };
  }
  if (err instanceof IamError) return { status: err.status, body: iamErrorBody(err) };
  if (err instanceof NotImplementedError)
    return { status: 501, body: { error_code: NOT_IMPLEMENTED_CODE, error_msg: err.message } };
  return { status: 500, body: { error_code: 'KOOPHONE.API.9999', error_msg: defaultMessageFor('KOOPHONE.API.9999') } };
}

function faultResult(op: Op, fault: Fault, requestId: string): HttpResult {
  const code = fault.errorCode ?? defaultCodeForStatus(fault.status ?? 500);
  const status = fault.status ?? httpStatusFor(code, op);
  const message = fault.errorMsg ?? defaultMessageFor(code);
  const body: Record<string, unknown> = { error_code: code, error_msg: message };
  if (code.startsWith('APIGW.')) body.request_id = requestId;
  // IAM clients read Keystone-style errors; give them one too.
  if (op === 'iam-tokens' || op === 'iam-projects' || op === 'iam-project-lookup')
    body.error = { code: status, title: 'Injected fault', message };
  return { status, body };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one request pipeline of every emulated endpoint: count the request, apply an injected fault (latency,
 * error, or drop-after-commit), advance lifecycle transitions, run the handler, render the answer.
 */
export async function runOperation(
  deps: RouteDeps,
  op: Op,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: (requestId: string) => HttpResult,
): Promise<FastifyReply> {
  deps.counters.increment(op);
  const fault = deps.faults.take(op);
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && given.length > 0 && given.length <= 128 ? given : randomUUID();
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  let result: HttpResult;
  if (fault && !fault.dropAfterCommit && (fault.status !== undefined || fault.errorCode !== undefined)) {
    result = faultResult(op, fault, requestId);
  } else {
    try {
      deps.model.tick();
      result = handler(requestId);
    } catch (err) {
      if (!(err instanceof ApiError || err instanceof IamError || err instanceof NotImplementedError)) {
        req.log.error({ err, op }, 'unexpected error in emulator operation');
      }
      result = errorResult(op, err, requestId);
    }
    if (fault?.dropAfterCommit) {
      // The change is already committed (saved); the client sees a connection reset and no answer.
      reply.hijack();
      req.raw.socket.destroy();
      return reply;
    }
  }
  reply.header('x-request-id', requestId);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  return reply.code(result.status).send(result.body);
}
