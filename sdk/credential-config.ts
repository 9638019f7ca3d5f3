import * as pulumi from '@pulumi/pulumi';
import { ProviderConfigError } from '../provider/config';
import { providerConfigKeys, type ProviderConfigKey } from '../provider/schemas/resources/provider-config';

/** The keys whose value is a credential: `password`, `accessKey`, `secretKey`. */
export const CREDENTIAL_KEYS = (Object.keys(providerConfigKeys) as ProviderConfigKey[]).filter(
  (k) => providerConfigKeys[k].secret,
);

/** How the program sees the stack's config: which `koophone:*` keys are set, and which of them are secrets. */
export interface StackConfigView {
  isSet(fullKey: string): boolean;
  isSecret(fullKey: string): boolean;
}

/**
 * The error for credential keys set as plain stack config, or undefined. The engine copies the whole stack config
 * into the inputs of the default `pulumi-nodejs` provider, which the state keeps: encrypted for secret keys, in
 * clear for plain ones. So a plain credential must stop the program before its first resource is registered.
 */
export function plainCredentialError(view: StackConfigView): ProviderConfigError | undefined {
  const plain = CREDENTIAL_KEYS.filter((k) => view.isSet(`koophone:${k}`) && !view.isSecret(`koophone:${k}`));
  if (plain.length === 0) return undefined;
  const names = plain.map((k) => `koophone:${k}`);
  const fixes = plain.map((k) => `\`pulumi config set --secret koophone:${k} <value>\``).join(' and ');
  const envs = plain.map((k) => providerConfigKeys[k].env.join(' / ')).join(', ');
  return new ProviderConfigError(
    `${names.join(', ')} ${plain.length > 1 ? 'are' : 'is'} set as plain (not secret) stack config: Pulumi would store ` +
      `${plain.length > 1 ? 'them' : 'it'} in clear text in the stack's state, so the program stopped before registering any resource. ` +
      `Encrypt ${plain.length > 1 ? 'them' : 'it'} with ${fixes} (this replaces the plain value), or remove ` +
      `${plain.length > 1 ? 'them' : 'it'} from the stack config (\`pulumi config rm ${names.join(' ')}\`) and set the ` +
      `environment variable ${envs} instead, which never reaches the state.`,
  );
}

/** The running program's stack config. `isConfigSecret` is not in the SDK's typings; the env var is its source. */
function runtimeView(): StackConfigView {
  const config = pulumi.runtime.allConfig();
  const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
  const isSecret = typeof runtime.isConfigSecret === 'function' ? runtime.isConfigSecret : envSecretKeys();
  return { isSet: (key) => config[key] !== undefined && config[key] !== '', isSecret };
}

function envSecretKeys(): (key: string) => boolean {
  try {
    const keys: unknown = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? '[]');
    return (key) => Array.isArray(keys) && keys.includes(key);
  } catch {
    return () => false;
  }
}

/**
 * Called by every resource constructor and data function before it touches the engine or the API. A RunError makes
 * the engine print just the message, without the program's stack trace.
 */
export function assertCredentialsAreSecret(view: StackConfigView = runtimeView()): void {
  const error = plainCredentialError(view);
  if (error) throw new pulumi.RunError(error.message);
}
