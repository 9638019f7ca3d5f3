import * as fs from 'node:fs';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { assertCredentialsAreSecret } from '../credential-config';
import { registeredProps } from '../resource-props';

/** The package's version: the native resources ask the engine for exactly this version of the plugin. */
export const PLUGIN_VERSION = (() => {
  // dist/sdk/native/ when built, sdk/native/ from sources.
  const file = [
    path.resolve(__dirname, '..', '..', '..', 'package.json'),
    path.resolve(__dirname, '..', '..', 'package.json'),
  ].find((f) => fs.existsSync(f));
  return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '0.0.0';
})();

/**
 * The base of the native resource classes: real custom resources `koophone:index:<Name>` served by the
 * `pulumi-resource-koophone` plugin (docs/native-provider.md), registered with the same arguments as the dynamic
 * classes. The plugin adds what the dynamic SDK adds on the program side (createKey, resourceUrn, the default name
 * prefix) from the URN. Stack-trace capture is off during registration, as in KoophoneResource, for the same cost.
 */
export abstract class KoophoneNativeResource extends pulumi.CustomResource {
  constructor(
    type: string,
    name: string,
    args: object,
    outputNames: readonly string[],
    opts?: pulumi.CustomResourceOptions,
  ) {
    assertCredentialsAreSecret();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`koophone:index:${type}`, name, registeredProps(outputNames, args), { version: PLUGIN_VERSION, ...opts });
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** A data function served by the plugin (`koophone:index:<token>`). */
export function invokeNative<R>(token: string, args: object, opts?: pulumi.InvokeOptions): Promise<R> {
  return pulumi.runtime.invoke(`koophone:index:${token}`, args, { version: PLUGIN_VERSION, ...opts }) as Promise<R>;
}
