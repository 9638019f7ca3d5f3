import * as pulumi from '@pulumi/pulumi';
import * as phoneCommandProvider from '../provider/dynamic/phone-command';
import type { CommandResult, PhoneCommandArgs as SchemaArgs } from '../provider/schemas/resources/phone-command';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type PhoneCommandArgs = Inputify<Omit<SchemaArgs, 'resourceUrn'>>;
export type PhoneCommandResult = CommandResult;

const TYPE = 'PhoneCommand';
const TYPE_TOKEN = `pulumi-nodejs:dynamic/koophone:${TYPE}`;

/**
 * An ADB shell command run on a set of phones on create and again whenever `command`, `instanceIds`, `async` or
 * `triggers` change; `deleteCommand` runs when it is deleted or replaced. Per-phone status and output are outputs.
 */
export class PhoneCommand extends pulumi.dynamic.Resource {
  declare readonly instanceIds: pulumi.Output<string[]>;
  declare readonly command: pulumi.Output<string>;
  declare readonly results: pulumi.Output<PhoneCommandResult[]>;

  constructor(name: string, args: PhoneCommandArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const resourceUrn = pulumi.createUrn(name, TYPE_TOKEN, opts?.parent);
    super(phoneCommandProvider, name, { results: undefined, ...args, resourceUrn }, opts, 'koophone', TYPE);
  }
}
