import * as pulumi from '@pulumi/pulumi';
import * as phoneCommandProvider from '../provider/dynamic/phone-command';
import { assertCredentialsAreSecret } from './credential-config';
import { PhoneCommandProperties, phoneCommandOutputNames, type PhoneCommandArgs } from './generated/types';
import { registeredProps, resourceUrnOf } from './resource-props';

export type { PhoneCommandArgs };

const TYPE = 'PhoneCommand';

/**
 * An ADB shell command run on a set of phones on create and again whenever `command`, `instanceIds`, `async` or
 * `triggers` change; `deleteCommand` runs when it is deleted or replaced. Per-phone status and output are outputs.
 */
export class PhoneCommand extends PhoneCommandProperties {
  constructor(name: string, args: PhoneCommandArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const resourceUrn = resourceUrnOf(name, TYPE, opts);
    super(
      phoneCommandProvider,
      name,
      registeredProps(phoneCommandOutputNames, { ...args, resourceUrn }),
      opts,
      'koophone',
      TYPE,
    );
  }
}
