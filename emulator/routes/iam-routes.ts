import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IamError, issueIamToken, listIamProjects, lookupIamProjects } from '../model/iam-ops';
import { authenticateIamCaller } from '../model/authentication';
import { headerValue, queryOf, toSignable } from './http-request';
import { runOperation, type RouteDeps } from './operation-runner';

/** The origin the client called, for catalog / links (loopback only, so Host is trustworthy enough). */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${headerValue(req, 'host') ?? 'localhost'}`;
}

function iamJsonBody(req: FastifyRequest): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new IamError(400, 'The request body is not valid JSON.');
  }
}

/** IAM on the same origin (docs/api/ambiguities.md#a17): token issue (docs/api/endpoints.md#iam-token), project listing and the SDK's project lookup. */
export function registerIamRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/v3/auth/tokens', (req, reply) =>
    runOperation(deps, 'iam-tokens', req, reply, () => {
      const withCatalog = queryOf(req).nocatalog !== 'true';
      const issued = issueIamToken(deps.model, iamJsonBody(req), originOf(req), withCatalog);
      return { status: 201, body: issued.body, headers: { 'X-Subject-Token': issued.token } };
    }),
  );
  // The official SDKs find the project id of a region with GET /v3/projects?name=<region> when AK/SK is used
  // without a project id (docs/api/wire-fidelity.md).
  app.get('/v3/projects', (req, reply) =>
    runOperation(deps, 'iam-project-lookup', req, reply, () => ({
      status: 200,
      body: lookupIamProjects(authenticateIamCaller(deps.model, toSignable(req)).tenant, originOf(req), queryOf(req)),
    })),
  );
  app.get('/v3/auth/projects', (req, reply) =>
    runOperation(deps, 'iam-projects', req, reply, () => ({
      status: 200,
      body: listIamProjects(authenticateIamCaller(deps.model, toSignable(req)).tenant, originOf(req)),
    })),
  );
}
