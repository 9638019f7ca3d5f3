import { z } from 'zod';
import {
  iamProjectsResponseSchema,
  iamTokenQuerySchema,
  iamTokenRequestSchema,
  iamTokenResponseSchema,
} from '../schemas/wire/iam';
import { defineOperation } from './operation';

/**
 * IAM (docs/api/endpoints.md#iam-token). Asking for a token has no side effect worth guarding, so it is safe to replay. The token
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

/** GET /v3/projects?name=<region>: how the official SDKs find the project id for AK/SK calls. */
export const lookupProjectsOp = defineOperation({
  name: 'iam-project-lookup',
  method: 'GET',
  path: '/v3/projects',
  replaySafe: true,
  envelope: 'iam',
  query: z.object({ name: z.string().min(1) }),
  response: iamProjectsResponseSchema,
});
