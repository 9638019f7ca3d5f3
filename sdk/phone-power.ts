import * as pulumi from '@pulumi/pulumi';
import * as phoneRebootProvider from '../provider/dynamic/phone-reboot';
import * as phoneResetProvider from '../provider/dynamic/phone-reset';
import type { PhoneRebootArgs as RebootSchemaArgs, PhoneResetArgs as ResetSchemaArgs } from '../provider/schemas/resources/phone-power';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type PhoneRebootArgs = Inputify<Omit<RebootSchemaArgs, 'resourceUrn'>>;
export type PhoneResetArgs = Inputify<Omit<ResetSchemaArgs, 'resourceUrn'>>;

const urnOf = (name: string, type: string, opts?: pulumi.CustomResourceOptions) =>
  pulumi.createUrn(name, `pulumi-nodejs:dynamic/koophone:${type}`, opts?.parent);

/** Reboots a set of phones on create and whenever `instanceIds` or `triggers` change, waiting until they run again. */
export class PhoneReboot extends pulumi.dynamic.Resource {
  declare readonly instanceIds: pulumi.Output<string[]>;
  declare readonly phoneCount: pulumi.Output<number>;

  constructor(name: string, args: PhoneRebootArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(phoneRebootProvider, name, { phoneCount: undefined, ...args, resourceUrn: urnOf(name, 'PhoneReboot', opts) }, opts, 'koophone', 'PhoneReboot');
  }
}

/**
 * Factory-resets a set of phones (every app and all data WIPED) on create and whenever `instanceIds` or `triggers`
 * change, waiting until they run again. Refused at preview unless `confirmDataLoss: true`.
 */
export class PhoneReset extends pulumi.dynamic.Resource {
  declare readonly instanceIds: pulumi.Output<string[]>;
  declare readonly phoneCount: pulumi.Output<number>;

  constructor(name: string, args: PhoneResetArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(phoneResetProvider, name, { phoneCount: undefined, ...args, resourceUrn: urnOf(name, 'PhoneReset', opts) }, opts, 'koophone', 'PhoneReset');
  }
}
