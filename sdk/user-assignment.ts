import * as pulumi from '@pulumi/pulumi';
import * as userAssignmentProvider from '../provider/dynamic/user-assignment';
import type { UserAssignmentArgs as SchemaArgs } from '../provider/schemas/resources/user-assignment';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type UserAssignmentArgs = Inputify<SchemaArgs>;

/**
 * Assigns a phone to a user of the tenant's KooPhone organisation. Changing the phone or the user replaces the
 * assignment: the old user is unassigned first, and unassigning WIPES that user's data on the phone.
 */
export class UserAssignment extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly userId: pulumi.Output<string>;
  declare readonly assignStatus: pulumi.Output<number>;

  constructor(name: string, args: UserAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    super(userAssignmentProvider, name, { assignStatus: undefined, ...args }, opts, 'koophone', 'UserAssignment');
  }
}
