import { signRequest, type AkSkCredentials } from './aksk-signer';
import type { IamTokenProvider } from './iam-token';
import type { AuthTicket, Authenticator } from './transport';

/** The three ways to authenticate a KooPhone call (docs/api/endpoints.md#authentication), plus none for the IAM token request. */

export function passwordAuthenticator(tokens: IamTokenProvider): Authenticator {
  return {
    async ticket() {
      const token = await tokens.token();
      return {
        headers: () => ({ 'X-Auth-Token': token }),
        renew: () => {
          tokens.invalidate(token);
          return true;
        },
      };
    },
  };
}

/** A token supplied by the user: nothing to refresh, so a 401 is final. */
export function staticTokenAuthenticator(token: string): Authenticator {
  const ticket: AuthTicket = { headers: () => ({ 'X-Auth-Token': token }), renew: () => false };
  return { ticket: async () => ticket };
}

/**
 * Signs every attempt afresh (the signature covers X-Sdk-Date and x-request-id, which change per attempt). With a
 * project id, X-Project-Id is sent and signed, as the official SDK's signer does.
 */
export function akskAuthenticator(
  creds: AkSkCredentials,
  projectId?: () => Promise<string | undefined>,
  now: () => Date = () => new Date(),
): Authenticator {
  return {
    async ticket() {
      const project = await projectId?.();
      const extra: Record<string, string> = project ? { 'X-Project-Id': project } : {};
      return {
        headers: (req) => ({
          ...extra,
          ...signRequest({ ...req, headers: { ...req.headers, ...extra } }, creds, now()),
        }),
        renew: () => false,
      };
    },
  };
}

export const anonymousAuthenticator: Authenticator = {
  ticket: async () => ({ headers: () => ({}), renew: () => false }),
};
