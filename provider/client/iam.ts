import { iamProjectsResponseSchema, iamTokenQuerySchema, iamTokenRequestSchema, iamTokenResponseSchema } from '../schemas/wire/iam';
import { defineOperation } from './operation';

/**
 * IAM (koophone-api.md §2.1). Asking for a token has no side effect worth guarding, so it is safe to replay. The token
 * request authenticates with its body: KooPhoneClient sends it through a transport without credentials.
 */

export const IAM_TOKEN_HEADER = 'X-Subject-Token';

export const issueTokenOp = defineOperation({
  name: 'iam-tokens',
  method: 'POST',
  path: '/v3/auth/tokens',
  query: iamTokenQuerySchema,
  replaySafe: true,
  envelope: 'iam',
  requiredResponseHeaders: [IAM_TOKEN_HEADER],
  body: iamTokenRequestSchema,
  response: iamTokenResponseSchema,
});

export const listProjectsOp = defineOperation({
  name: 'iam-projects',
  method: 'GET',
  path: '/v3/auth/projects',
  replaySafe: true,
  envelope: 'iam',
  response: iamProjectsResponseSchema,
});
