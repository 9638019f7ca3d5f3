import Fastify, { type FastifyRequest } from 'fastify';

/**
 * A tiny scripted HTTP server on 127.0.0.1:0 for the client's odd wire cases (retries, drops, malformed answers,
 * concurrency). Test-only; the real behaviour is tested against the emulator.
 */

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  rawBody: string;
  body: unknown;
  remotePort: number;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings verbatim. */
  body?: unknown;
  /** Hold the request this long before answering. */
  delayMs?: number;
  /** Destroy the socket instead of answering (a dropped response). */
  drop?: boolean;
}

export type Script = (req: SeenRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface WireFixture {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Most requests in flight at the same time. */
  readonly maxInFlight: number;
  /** Requests whose path starts with `prefix`. */
  count(prefix: string): number;
  close(): Promise<void>;
}

export async function startWireFixture(script: Script, port = 0): Promise<WireFixture> {
  const app = Fastify({ logger: false, keepAliveTimeout: 30_000 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  app.all('/*', async (req: FastifyRequest, reply) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const rawBody = typeof req.body === 'string' ? req.body : '';
      const seen: SeenRequest = {
        method: req.method,
        path: req.url.split('?')[0],
        query: req.query as Record<string, string | string[]>,
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
        ),
        rawBody,
        body: parseMaybe(rawBody),
        remotePort: req.raw.socket.remotePort ?? 0,
      };
      const index = requests.push(seen) - 1;
      const r = await script(seen, index);
      if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
      if (r.drop) {
        reply.hijack();
        req.raw.socket.destroy();
        return;
      }
      reply.code(r.status ?? 200);
      for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
      if (typeof r.body === 'string') return reply.type('application/json').send(r.body);
      return reply.send(r.body ?? '');
    } finally {
      inFlight--;
    }
  });

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    count: (prefix) => requests.filter((r) => r.path.startsWith(prefix)).length,
    close: () => app.close(),
  };
}

/** A KooPhone success envelope. */
export function ok(data?: unknown): ScriptedReply {
  return {
    status: 200,
    body: data === undefined ? { error_code: '0', error_msg: 'OK' } : { error_code: '0', error_msg: 'OK', data },
  };
}

/** A KooPhone error envelope. */
export function fail(
  status: number,
  code: string,
  message = 'failed',
  headers?: Record<string, string>,
): ScriptedReply {
  return { status, body: { error_code: code, error_msg: message }, headers };
}

function parseMaybe(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}
