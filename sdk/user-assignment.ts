import * as pulumi from '@pulumi/pulumi';
import * as userAssignmentProvider from '../provider/dynamic/user-assignment';
import { assertCredentialsAreSecret } from './credential-config';
import { UserAssignmentProperties, userAssignmentOutputNames, type UserAssignmentArgs } from './generated/types';
import { registeredProps } from './resource-props';

export type { UserAssignmentArgs };

/**
 * Assigns a phone to a user of the tenant's KooPhone organisation. Changing the phone or the user replaces the
 * assignment: the old user is unassigned first, and unassigning WIPES that user's data on the phone.
 */
export class UserAssignment extends UserAssignmentProperties {
  constructor(name: string, args: UserAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(
      userAssignmentProvider,
      name,
      registeredProps(userAssignmentOutputNames, args),
      opts,
      'koophone',
      'UserAssignment',
    );
  }
}
