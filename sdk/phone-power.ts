import * as pulumi from '@pulumi/pulumi';
import * as phoneRebootProvider from '../provider/dynamic/phone-reboot';
import * as phoneResetProvider from '../provider/dynamic/phone-reset';
import { assertCredentialsAreSecret } from './credential-config';
import {
  PhoneRebootProperties,
  PhoneResetProperties,
  phoneRebootOutputNames,
  phoneResetOutputNames,
  type PhoneRebootArgs,
  type PhoneResetArgs,
} from './generated/types';
import { registeredProps, resourceUrnOf } from './resource-props';

export type { PhoneRebootArgs, PhoneResetArgs };

/** Reboots a set of phones on create and whenever `instanceIds` or `triggers` change, waiting until they run again. */
export class PhoneReboot extends PhoneRebootProperties {
  constructor(name: string, args: PhoneRebootArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(
      phoneRebootProvider,
      name,
      registeredProps(phoneRebootOutputNames, { ...args, resourceUrn: resourceUrnOf(name, 'PhoneReboot', opts) }),
      opts,
      'koophone',
      'PhoneReboot',
    );
  }
}

/**
 * Factory-resets a set of phones (every app and all data WIPED) on create and whenever `instanceIds` or `triggers`
 * change, waiting until they run again. Refused at preview unless `confirmDataLoss: true`.
 */
export class PhoneReset extends PhoneResetProperties {
  constructor(name: string, args: PhoneResetArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(
      phoneResetProvider,
      name,
      registeredProps(phoneResetOutputNames, { ...args, resourceUrn: resourceUrnOf(name, 'PhoneReset', opts) }),
      opts,
      'koophone',
      'PhoneReset',
    );
  }
}
