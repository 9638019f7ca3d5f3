import * as pulumi from '@pulumi/pulumi';
import * as appInstallationProvider from '../provider/dynamic/app-installation';
import { assertCredentialsAreSecret } from './credential-config';
import {
  AppInstallationProperties,
  appInstallationOutputNames,
  appInstallationSecretNames,
  type AppInstallationArgs,
} from './generated/types';
import { registeredProps, resourceUrnOf } from './resource-props';

export type { AppInstallationArgs };

const TYPE = 'AppInstallation';

/**
 * One APK on a set of phones, as declared state: installed on create, read back per phone on refresh (a missing or
 * other version is drift that `up` repairs), installed on phones added and uninstalled from phones removed, and
 * uninstalled on delete (use `retainOnDelete` to keep it). `packageUrl` is always stored as a secret.
 */
export class AppInstallation extends AppInstallationProperties {
  constructor(name: string, args: AppInstallationArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const resourceUrn = resourceUrnOf(name, TYPE, opts);
    // A signed URL (marked secret on its zod field): secret in state whether or not the program made it one.
    const packageUrl = pulumi.secret(args.packageUrl);
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), ...appInstallationSecretNames];
    super(
      appInstallationProvider,
      name,
      registeredProps(appInstallationOutputNames, { ...args, packageUrl, resourceUrn }),
      { ...opts, additionalSecretOutputs: secretOutputs },
      'koophone',
      TYPE,
    );
  }
}
