import { z } from 'zod';

/**
 * Provider configuration keys (`koophone:<key>` in stack config) with their environment fallbacks.
 * The order of `env` is the lookup order.
 */
export const providerConfigKeys = {
  region: {
    env: ['HW_REGION_NAME'],
    secret: false,
    description: 'Huawei Cloud region (project name) the IAM token is scoped to, e.g. `cn-north-4`.',
  },
  projectId: {
    env: ['HW_PROJECT_ID'],
    secret: false,
    description: 'IAM project id to scope the token to (instead of the region name).',
  },
  domainName: {
    env: ['HW_DOMAIN_NAME'],
    secret: false,
    description: 'Account (domain) name of the IAM user, for password authentication.',
  },
  userName: { env: ['HW_USER_NAME'], secret: false, description: 'IAM user name, for password authentication.' },
  password: { env: ['HW_USER_PASSWORD'], secret: true, description: 'IAM user password, for password authentication.' },
  accessKey: { env: ['HW_ACCESS_KEY'], secret: true, description: 'Access key (AK) for AK/SK request signing.' },
  secretKey: { env: ['HW_SECRET_KEY'], secret: true, description: 'Secret key (SK) for AK/SK request signing.' },
  endpoint: {
    env: ['KOOPHONE_ENDPOINT'],
    secret: false,
    description: 'KooPhone API base URL. Default `https://koophone.myhuaweicloud.com`.',
  },
  iamEndpoint: {
    env: ['KOOPHONE_IAM_ENDPOINT'],
    secret: false,
    description: 'IAM base URL. Default `https://iam.{region}.myhuaweicloud.com`.',
  },
  billingEndpoint: {
    env: ['KOOPHONE_BILLING_ENDPOINT'],
    secret: false,
    description:
      'Huawei Cloud billing (BSS) base URL, for subscriptions (auto-renew, expiry, renewals). Default `https://bss.myhuaweicloud.com`; ' +
      'when `koophone:endpoint` is set and this is not, billing calls go to `koophone:endpoint` (a proxy or the emulator serves both).',
  },
  maxOrderAmount: {
    env: ['KOOPHONE_MAX_ORDER_AMOUNT'],
    secret: false,
    description:
      'Budget per order, in the account currency at list price (docs/costs-and-budgets.md): a create or scale-up whose order ' +
      'would cost more fails in preview and in `up` before anything is bought. Unset: no limit.',
  },
  maxPhonesPerUpdate: {
    env: ['KOOPHONE_MAX_PHONES_PER_UPDATE'],
    secret: false,
    description:
      'Most phones one deployment may buy, all resources together (docs/costs-and-budgets.md): a plan that would buy more ' +
      'fails in preview and in `up` before anything is bought. Unset: no limit.',
  },
} as const satisfies Record<string, { env: readonly string[]; secret: boolean; description: string }>;

export type ProviderConfigKey = keyof typeof providerConfigKeys;

/**
 * Names a key the way a user can set it: the stack config key and its environment variable(s). Beside the key table,
 * not in provider/config.ts, because the client's messages use it and config.ts builds the client's options.
 */
export function describeKey(key: ProviderConfigKey): string {
  return `\`koophone:${key}\` (or ${providerConfigKeys[key].env.map((v) => `$${v}`).join(', ')})`;
}

export const providerConfigSchema = z.object({
  region: z.string().min(1).optional(),
  projectId: z.string().min(1).optional(),
  domainName: z.string().min(1).optional(),
  userName: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  accessKey: z.string().min(1).optional(),
  secretKey: z.string().min(1).optional(),
  endpoint: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://koophone.myhuaweicloud.com' })
    .optional(),
  iamEndpoint: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://iam.cn-north-4.myhuaweicloud.com' })
    .optional(),
  billingEndpoint: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://bss.myhuaweicloud.com' })
    .optional(),
  maxOrderAmount: z.coerce.number({ error: 'must be a number' }).positive('must be more than 0').optional(),
  maxPhonesPerUpdate: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0)
    .optional(),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;
