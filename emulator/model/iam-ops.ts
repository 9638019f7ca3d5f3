import { z } from 'zod';
import type { EmulatorModel } from './emulator-model';
import { TOKEN_LIFETIME_MS, issueToken, verifyToken } from './iam-tokens';
import { NotImplementedError } from './not-implemented';
import type { Project, Tenant } from './state';
import { formatIamTime } from './time-format';

/** An IAM failure, answered in Keystone style: `{"error": {"code", "title", "message"}}`. */
export class IamError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'IamError';
  }
}

const TITLES = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

export function iamErrorBody(err: IamError): { error: { code: number; title: string; message: string } } {
  return { error: { code: err.status, title: TITLES[err.status], message: err.message } };
}

const nameOrId = z.object({ name: z.string().min(1).optional(), id: z.string().min(1).optional() });

const tokenRequest = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            name: z.string().min(1).optional(),
            id: z.string().min(1).optional(),
            password: z.string(),
            domain: nameOrId.optional(),
          }),
        })
        .optional(),
    }),
    scope: z.object({ project: nameOrId.optional(), domain: nameOrId.optional() }).optional(),
  }),
});

export interface IssuedToken {
  token: string;
  body: Record<string, unknown>;
}

function findUser(
  model: EmulatorModel,
  user: z.infer<typeof tokenRequest>['auth']['identity']['password'] & object,
): Tenant | undefined {
  const u = user.user;
  if (u.id) return model.tenants.find((t) => t.userId === u.id);
  if (!u.name || !u.domain || (!u.domain.name && !u.domain.id)) {
    throw new IamError(400, 'The user must be given by id, or by name together with its domain name or id.');
  }
  const domain = u.domain;
  return model.tenants.find(
    (t) => t.userName === u.name && (domain.name ? t.domainName === domain.name : t.domainId === domain.id),
  );
}

/** POST /v3/auth/tokens (docs/api/endpoints.md#iam-token): password method only; project scope by name or id, domain scope, or unscoped. */
export function issueIamToken(model: EmulatorModel, body: unknown, origin: string, withCatalog: boolean): IssuedToken {
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IamError(400, `Invalid request body: ${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
  }
  const { identity, scope } = parsed.data.auth;
  const other = identity.methods.find((m) => m !== 'password');
  if (other !== undefined) throw new NotImplementedError('iam-tokens', `identity method "${other}"`);
  if (!identity.password) throw new IamError(400, 'identity.password is required for the password method.');
  const tenant = findUser(model, identity.password);
  // One message for unknown user and wrong password, as IAM does, so callers cannot probe user names.
  if (!tenant || tenant.password !== identity.password.user.password) {
    throw new IamError(401, 'The username or password is wrong.');
  }
  let project: Project | null = null;
  if (scope?.project) {
    const p = scope.project;
    project = tenant.projects.find((x) => (p.id ? x.id === p.id : x.name === p.name)) ?? null;
    if (!project) throw new IamError(401, 'The project in scope does not exist or the user has no access to it.');
  } else if (scope?.domain) {
    const d = scope.domain;
    if (d.id ? d.id !== tenant.domainId : d.name !== tenant.domainName) {
      throw new IamError(401, 'The domain in scope does not match the user.');
    }
  }
  const now = model.now();
  const expiresAt = now + TOKEN_LIFETIME_MS;
  const token = issueToken(model.tokenSecret, {
    u: tenant.userId,
    d: tenant.domainId,
    p: project?.id ?? null,
    iat: now,
    exp: expiresAt,
  });
  const domain = { id: tenant.domainId, name: tenant.domainName };
  const tokenBody: Record<string, unknown> = {
    expires_at: formatIamTime(expiresAt),
    issued_at: formatIamTime(now),
    methods: ['password'],
    user: { id: tenant.userId, name: tenant.userName, domain, password_expires_at: '' },
    roles: [{ id: '0', name: 'te_admin' }],
  };
  if (project) tokenBody.project = { id: project.id, name: project.name, domain };
  else if (scope?.domain) tokenBody.domain = domain;
  if (withCatalog) {
    tokenBody.catalog = [
      {
        type: 'koophone',
        name: 'koophone',
        id: 'koophone',
        endpoints: [
          {
            id: 'koophone',
            interface: 'public',
            region: project?.name ?? '*',
            region_id: project?.name ?? '*',
            url: origin,
          },
        ],
      },
    ];
  }
  return { token, body: { token: tokenBody } };
}

export interface TokenIdentity {
  tenant: Tenant;
  project: Project | null;
}

/** Resolves an X-Auth-Token to its tenant; undefined reason strings never include the token. */
export function identifyToken(model: EmulatorModel, token: string): TokenIdentity | { error: string } {
  const check = verifyToken(model.tokenSecret, token, model.now());
  if (!check.ok) return { error: check.reason === 'expired' ? 'token expires' : 'decrypt token fail' };
  const tenant = model.tenantByDomainId(check.claims.d);
  if (!tenant || tenant.userId !== check.claims.u) return { error: 'the token user no longer exists' };
  const project = check.claims.p === null ? null : (tenant.projects.find((p) => p.id === check.claims.p) ?? null);
  if (check.claims.p !== null && !project) return { error: 'the token project no longer exists' };
  return { tenant, project };
}

/** GET /v3/auth/projects (docs/api/endpoints.md#iam-token): the projects the caller's user can access. */
export function listIamProjects(tenant: Tenant, origin: string): Record<string, unknown> {
  return projectList(tenant, tenant.projects, origin, `${origin}/v3/auth/projects`);
}

/**
 * GET /v3/projects (Keystone list, filtered by `name`, `domain_id`, `enabled`): what the official SDKs call to find
 * the project id of a region. Only the caller's own domain is visible; an unknown name is an empty list.
 */
export function lookupIamProjects(
  tenant: Tenant,
  origin: string,
  query: Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  const one = (name: string) => {
    const v = query[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const name = one('name');
  const domainId = one('domain_id');
  const enabled = one('enabled');
  const projects = tenant.projects.filter(
    (p) =>
      (name === undefined || p.name === name) &&
      (domainId === undefined || domainId === tenant.domainId) &&
      enabled !== 'false',
  );
  return projectList(tenant, projects, origin, `${origin}/v3/projects`);
}

function projectList(
  tenant: Tenant,
  projects: readonly Tenant['projects'][number][],
  origin: string,
  self: string,
): Record<string, unknown> {
  return {
    projects: projects.map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: tenant.domainId,
      parent_id: tenant.domainId,
      is_domain: false,
      enabled: true,
      description: '',
      links: { self: `${origin}/v3/projects/${p.id}` },
    })),
    links: { self, previous: null, next: null },
  };
}
