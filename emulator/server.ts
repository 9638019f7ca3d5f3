import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { registerControlRoutes } from './control/control-routes';
import { RequestCounters } from './control/counters';
import { FaultBook } from './control/faults';
import { EmulatorModel, type LifecycleSettings } from './model/emulator-model';
import type { EmulatorState, StateChange } from './model/state';
import { appOperations } from './routes/app-routes';
import { assignmentOperations } from './routes/assignment-routes';
import { commandOperations } from './routes/command-routes';
import { registerBillingControlRoutes } from './control/billing-control';
import { registerBillingRoutes } from './routes/billing-routes';
import { registerIamRoutes } from './routes/iam-routes';
import { instanceOperations } from './routes/instance-routes';
import { registerKooPhoneOperation } from './routes/koophone-operation';
import { skuOperations } from './routes/sku-routes';
import { streamingOperations } from './routes/streaming-routes';
import { videoOperations } from './routes/video-routes';
import { JsonFileStore } from './store/json-file-store';
import { MemoryStore } from './store/memory-store';

export interface ServerOptions {
  /** null: in-memory state. */
  dataDir: string | null;
  settings: Partial<LifecycleSettings>;
  logger: boolean;
}

/** AK/SK signing supports bodies up to 12 MB (docs/api/endpoints.md#aksk); the emulator accepts the same. */
const BODY_LIMIT = 12 * 1024 * 1024;

/**
 * Wires the emulator: one fastify app serving IAM, the 18 KooPhone endpoints and the /_emulator/ control plane.
 * Bodies are kept raw (AK/SK payload hashes need the exact bytes) and parsed per route, so malformed JSON is a
 * documented KOOPHONE.API.1000, never a 500.
 */
export function buildServer(options: ServerOptions): { app: FastifyInstance; model: EmulatorModel } {
  const store =
    options.dataDir === null
      ? new MemoryStore<EmulatorState, StateChange>()
      : new JsonFileStore<EmulatorState, StateChange>(options.dataDir);
  const model = new EmulatorModel(store, options.settings);
  const deps = { model, faults: new FaultBook(), counters: new RequestCounters() };

  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          redact: ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.headers["x-subject-token"]'],
        }
      : false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 256 },
    // Errors raised before routing (e.g. a path with broken percent-encoding) get the same envelope.
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .send({ error_code: 'KOOPHONE.API.1000', error_msg: `The request parameter is incorrect. ${err.message}` });
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    // fastify's own errors (413 body too large, bad Content-Length …) become documented envelopes.
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'unexpected emulator error');
    return reply.code(status).send({
      error_code: status === 500 ? 'KOOPHONE.API.9999' : 'KOOPHONE.API.1000',
      error_msg: status === 500 ? 'Internal service error.' : `The request parameter is incorrect. ${err.message}`,
    });
  });

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      error_code: 'APIGW.0101',
      error_msg: `The API does not exist or has not been published in the environment: ${req.method} ${req.url.split('?')[0]}`,
    }),
  );

  registerIamRoutes(app, deps);
  const operations = [
    ...commandOperations(model),
    ...instanceOperations(model),
    ...assignmentOperations(model),
    ...streamingOperations(model),
    ...videoOperations(model),
    ...skuOperations(),
    ...appOperations(model),
  ];
  for (const def of operations) registerKooPhoneOperation(app, deps, def);
  registerBillingRoutes(app, deps);
  registerControlRoutes(app, deps);
  registerBillingControlRoutes(app, deps);
  return { app, model };
}
