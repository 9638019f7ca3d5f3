import {
  describeKey,
  providerConfigKeys,
  providerConfigSchema,
  type ProviderConfig,
  type ProviderConfigKey,
} from './schemas/resources/provider-config';
import type { KooPhoneClientOptions } from './client';

export const DEFAULT_ENDPOINT = 'https://koophone.myhuaweicloud.com';

/** Looks a `koophone:*` key up in stack config; `configure()` passes the dynamic provider's config here. */
export type ConfigLookup = (key: string) => string | undefined;

export class ProviderConfigError extends Error {
  override name = 'ProviderConfigError';
}

/** Reads every `koophone:*` key from stack config, falling back to the environment. */
export function readProviderConfig(lookup: ConfigLookup, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(providerConfigKeys) as ProviderConfigKey[]) {
    const fromConfig = lookup(`koophone:${key}`);
    const value = fromConfig ?? providerConfigKeys[key].env.map((v) => env[v]).find((v) => v !== undefined && v !== '');
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = providerConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]) as ProviderConfigKey;
    // Echo only values that are not secrets.
    const { secret } = providerConfigKeys[key];
    const received = secret ? '' : ` (received ${JSON.stringify(raw[key])})`;
    throw new ProviderConfigError(
      `invalid ${describeKey(key)}: ${issue.message}${received}. Fix it with ` +
        `\`pulumi config set${secret ? ' --secret' : ''} koophone:${key} <value>\` or the environment variable.`,
    );
  }
  return parsed.data;
}

/** Turns provider config into client options, choosing AK/SK signing over a password token when both are set. */
export function clientOptionsFrom(config: ProviderConfig): KooPhoneClientOptions {
  // A custom KooPhone endpoint (the emulator, a proxy) serves billing too unless billingEndpoint says otherwise.
  const billing = config.billingEndpoint ?? config.endpoint;
  return { ...credentialOptionsFrom(config), billingEndpoint: billing ? stripSlash(billing) : undefined };
}

function credentialOptionsFrom(config: ProviderConfig): KooPhoneClientOptions {
  const endpoint = stripSlash(config.endpoint ?? DEFAULT_ENDPOINT);
  const iamEndpoint = config.iamEndpoint
    ? stripSlash(config.iamEndpoint)
    : config.region
      ? `https://iam.${config.region}.myhuaweicloud.com`
      : undefined;
  if (config.accessKey || config.secretKey) {
    if (!config.accessKey)
      throw new ProviderConfigError(`missing ${describeKey('accessKey')}: it is required with the secret key`);
    if (!config.secretKey)
      throw new ProviderConfigError(`missing ${describeKey('secretKey')}: it is required with the access key`);
    // Like the official SDK's signer: send and sign X-Project-Id when the project is known (by id, or by the region's
    // project name, looked up once through IAM).
    const project = config.projectId
      ? { projectId: config.projectId }
      : config.region
        ? { projectName: config.region }
        : {};
    return {
      endpoint,
      iamEndpoint,
      auth: { kind: 'aksk', accessKey: config.accessKey, secretKey: config.secretKey, ...project },
    };
  }
  const missing = (['domainName', 'userName', 'password'] as const).filter((k) => !config[k]);
  if (missing.length > 0) {
    throw new ProviderConfigError(
      `missing KooPhone credentials: set ${describeKey('accessKey')} and ${describeKey('secretKey')}, ` +
        `or password authentication with ${missing.map(describeKey).join(', ')}`,
    );
  }
  if (!config.region && !config.projectId) {
    throw new ProviderConfigError(
      `missing ${describeKey('region')} or ${describeKey('projectId')}: the IAM token is scoped to a project`,
    );
  }
  if (!iamEndpoint) throw new ProviderConfigError(`missing ${describeKey('iamEndpoint')} or ${describeKey('region')}`);
  return {
    endpoint,
    iamEndpoint,
    auth: {
      kind: 'password',
      domainName: config.domainName!,
      userName: config.userName!,
      password: config.password!,
      projectName: config.projectId ? undefined : config.region,
      projectId: config.projectId,
    },
  };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
