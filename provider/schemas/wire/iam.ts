import { z } from 'zod';

/**
 * IAM wire shapes (docs/api/endpoints.md#iam-token): POST /v3/auth/tokens (password method, project scope by name or id)
 * and GET /v3/auth/projects. The token itself travels in the `X-Subject-Token` response header, not the body.
 */

const projectScopeSchema = z.union([
  z.object({ project: z.object({ name: z.string().min(1) }) }),
  z.object({ project: z.object({ id: z.string().min(1) }) }),
  // Account-wide scope, used only when neither project name nor id is configured.
  z.object({ domain: z.object({ name: z.string().min(1) }) }),
]);

export const iamTokenRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.tuple([z.literal('password')]),
      password: z.object({
        user: z.object({
          name: z.string().min(1),
          password: z.string().min(1),
          domain: z.object({ name: z.string().min(1) }),
        }),
      }),
    }),
    scope: projectScopeSchema,
  }),
});
export type IamTokenRequest = z.infer<typeof iamTokenRequestSchema>;

const namedRefSchema = z.object({ id: z.string().optional(), name: z.string().optional() });

/** The informational token body; only `expires_at` matters to the client (to refresh before the 24 h expiry). */
export const iamTokenResponseSchema = z.object({
  token: z.object({
    expires_at: z.string().refine((v) => !Number.isNaN(parseIamTime(v)), 'expected an ISO 8601 UTC time'),
    issued_at: z.string().optional(),
    methods: z.array(z.string()).optional(),
    project: namedRefSchema.extend({ domain: namedRefSchema.optional() }).optional(),
    user: namedRefSchema.extend({ domain: namedRefSchema.optional() }).optional(),
  }),
});
export type IamTokenResponse = z.infer<typeof iamTokenResponseSchema>;

export const iamProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain_id: z.string().optional(),
  enabled: z.boolean().optional(),
  description: z.string().nullish(),
  parent_id: z.string().optional(),
});
export type IamProject = z.infer<typeof iamProjectSchema>;

export const iamProjectsResponseSchema = z.object({ projects: z.array(iamProjectSchema) });
export type IamProjectsResponse = z.infer<typeof iamProjectsResponseSchema>;

/**
 * Parses IAM times like `2019-02-13T06:52:13.855000Z`: IAM sends microseconds, which `Date.parse` only tolerates by
 * accident of the engine, so cut the fraction to milliseconds first. Returns NaN when unparsable.
 */
export function parseIamTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return Number.NaN;
  const millis = (m[2] ?? '').padEnd(3, '0').slice(0, 3);
  return Date.parse(`${m[1]}.${millis}${m[3]}`);
}

/** `?nocatalog=true` keeps the (several KB) service catalogue out of the token body; only the header token matters. */
export const iamTokenQuerySchema = z.object({ nocatalog: z.literal('true').optional() });
export type IamTokenQuery = z.infer<typeof iamTokenQuerySchema>;
