import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../model/authentication';
import type { Caller } from '../model/caller';
import { ApiError, invalidParameter } from '../model/error-codes';
import type { KooPhoneOp } from '../model/ops';
import { headerValue, jsonBody, queryOf, toSignable, type QueryRecord } from './http-request';
import { runOperation, type RouteDeps } from './operation-runner';

export interface OperationInput {
  caller: Caller;
  body: unknown;
  query: QueryRecord;
  params: Record<string, string>;
}

/** One of the 21 KooPhone endpoints (18 of docs/api/endpoints.md#operations and 3 SDK-only ones): its HTTP shape and the model call it translates to. */
export interface KooPhoneOperation {
  op: KooPhoneOp;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /**
   * x-request-id: 'required' as a header; 'required-query' as a query parameter, header accepted too (batch-query,
   * docs/api/ambiguities.md#a3); 'optional' elsewhere. Required exactly where the official SDK always sends it (batch-query, app-list,
   * session/release, streaming/stop): the docs list it on most endpoints (docs/api/endpoints.md#operations), but the SDK, generated from the live
   * API definitions, calls the others without it, so the real API must accept that (docs/api/wire-fidelity.md).
   */
  requestId: 'required' | 'required-query' | 'optional';
  /** 'none': no body is documented; an empty body or `{}` is accepted. */
  body: 'json' | 'none';
  /** error_msg on success, spelled as in each endpoint's example ("ok", "OK", …). */
  successMessage: string;
  /** The data of a success; undefined answers the envelope only, null answers `"data": null`. */
  run(input: OperationInput): unknown;
}

/** Any 1–128 characters of letters, digits and `._:-`: a UUID passes; spaces or other symbols are 0003. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function checkRequestId(def: KooPhoneOperation, req: FastifyRequest, query: QueryRecord): void {
  const fromHeader = headerValue(req, 'x-request-id');
  const fromQuery = query['x-request-id'];
  if (Array.isArray(fromQuery)) throw new ApiError('KOOPHONE.API.0003', 'x-request-id given more than once');
  const value = def.requestId === 'required-query' ? (fromQuery ?? fromHeader) : fromHeader;
  if (value === undefined || value === '') {
    if (def.requestId === 'optional') return;
    throw new ApiError('KOOPHONE.API.0002');
  }
  if (!REQUEST_ID.test(value)) throw new ApiError('KOOPHONE.API.0003');
}

function readBody(def: KooPhoneOperation, req: FastifyRequest): unknown {
  const body = jsonBody(req);
  if (def.body === 'json') return body;
  const isEmptyObject =
    typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (body !== undefined && !isEmptyObject) throw invalidParameter('body: this API takes no request body');
  return undefined;
}

export function registerKooPhoneOperation(app: FastifyInstance, deps: RouteDeps, def: KooPhoneOperation): void {
  app.route({
    method: def.method,
    url: def.url,
    handler: (req, reply) =>
      runOperation(deps, def.op, req, reply, () => {
        // Gateway order: authenticate first, then the service checks headers, then the body.
        const caller = authenticate(deps.model, toSignable(req));
        const query = queryOf(req);
        checkRequestId(def, req, query);
        const body = readBody(def, req);
        const data = def.run({ caller, body, query, params: req.params as Record<string, string> });
        const envelope: Record<string, unknown> = { error_code: '0', error_msg: def.successMessage };
        if (data !== undefined) envelope.data = data;
        return { status: 200, body: envelope };
      }),
  });
}
