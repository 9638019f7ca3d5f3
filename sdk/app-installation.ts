import * as pulumi from '@pulumi/pulumi';
import * as appInstallationProvider from '../provider/dynamic/app-installation';
import type { AppInstallationArgs as SchemaArgs, PhoneApp } from '../provider/schemas/resources/app-installation';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type AppInstallationArgs = Inputify<Omit<SchemaArgs, 'resourceUrn'>>;
export type AppInstallationPhone = PhoneApp;

const TYPE = 'AppInstallation';
const TYPE_TOKEN = `pulumi-nodejs:dynamic/koophone:${TYPE}`;

/**
 * One APK on a set of phones, as declared state: installed on create, read back per phone on refresh (a missing or
 * other version is drift that `up` repairs), installed on phones added and uninstalled from phones removed, and
 * uninstalled on delete (use `retainOnDelete` to keep it). `packageUrl` is always stored as a secret.
 */
export class AppInstallation extends pulumi.dynamic.Resource {
  declare readonly instanceIds: pulumi.Output<string[]>;
  declare readonly packageName: pulumi.Output<string>;
  declare readonly version: pulumi.Output<string>;
  declare readonly installations: pulumi.Output<AppInstallationPhone[]>;

  constructor(name: string, args: AppInstallationArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const resourceUrn = pulumi.createUrn(name, TYPE_TOKEN, opts?.parent);
    // A signed URL: secret in state whether or not the program made it one.
    const packageUrl = pulumi.secret(args.packageUrl);
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), 'packageUrl'];
    super(
      appInstallationProvider,
      name,
      { installations: undefined, ...args, packageUrl, resourceUrn },
      { ...opts, additionalSecretOutputs: secretOutputs },
      'koophone',
      TYPE,
    );
  }
}
