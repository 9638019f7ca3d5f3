import { verifySignedRequest, type SignableRequest } from './aksk-signature';
import type { Caller } from './caller';
import type { EmulatorModel } from './emulator-model';
import { ApiError } from './error-codes';
import { IamError, identifyToken } from './iam-ops';
import type { Tenant } from './state';

function projectFor(tenant: Tenant, projectId: string | undefined) {
  return tenant.projects.find((p) => p.id === projectId) ?? tenant.projects[0];
}

/**
 * Authenticates a KooPhone call like the API gateway: X-Auth-Token (issued by this emulator, unexpired on the
 * virtual clock) or an SDK-HMAC-SHA256 signature with the tenant's AK/SK (docs/api/endpoints.md#aksk). Failures are 401 APIGW.0301;
 * the detail names the problem, never the credential.
 */
export function authenticate(model: EmulatorModel, req: SignableRequest): Caller {
  const token = req.header('x-auth-token');
  if (token !== undefined) {
    const identity = identifyToken(model, token);
    if ('error' in identity) throw new ApiError('APIGW.0301', identity.error);
    return { tenant: identity.tenant, project: identity.project ?? identity.tenant.projects[0] };
  }
  if (req.header('authorization') !== undefined) {
    const check = verifySignedRequest(req, (ak) => model.tenantByAccessKey(ak)?.secretKey, model.now());
    if (!check.ok) throw new ApiError('APIGW.0301', `verify aksk signature fail: ${check.reason}`);
    const tenant = model.tenantByAccessKey(check.accessKey)!;
    return { tenant, project: projectFor(tenant, req.header('x-project-id')) };
  }
  throw new ApiError('APIGW.0301', 'neither X-Auth-Token nor an Authorization signature was sent');
}

/** IAM calls (GET /v3/auth/projects) accept a token or an AK/SK signature too, but fail the Keystone way. */
export function authenticateIamCaller(model: EmulatorModel, req: SignableRequest): Caller {
  try {
    return authenticate(model, req);
  } catch (err) {
    if (err instanceof ApiError) throw new IamError(401, 'The request you have made requires authentication.');
    throw err;
  }
}
