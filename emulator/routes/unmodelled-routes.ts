import type { FastifyInstance } from 'fastify';
import { NOT_IMPLEMENTED_CODE } from '../model/not-implemented';

/**
 * Real KooPhone endpoints of newer SDK builds that are out of scope (§1.2): they answer 501 naming the endpoint,
 * so a caller learns the emulator lacks them instead of mistaking them for unknown paths.
 */
const UNMODELLED = [
  { method: 'GET', url: '/v1/instances/:instance_id/app-list', name: 'app-list' },
  { method: 'POST', url: '/v1/instances/session/release', name: 'session/release' },
  { method: 'POST', url: '/v1/instances/streaming/stop', name: 'streaming/stop' },
] as const;

export function registerUnmodelledRoutes(app: FastifyInstance): void {
  for (const route of UNMODELLED) {
    app.route({
      method: route.method,
      url: route.url,
      handler: (_req, reply) =>
        reply.code(501).send({ error_code: NOT_IMPLEMENTED_CODE, error_msg: `${route.name} is not implemented by the KooPhone emulator` }),
    });
  }
}
