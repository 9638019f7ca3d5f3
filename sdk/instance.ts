import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import instanceProvider from '../provider/dynamic/instance';
import { defaultNamePrefix, suffixFromBytes } from '../provider/common/name-suffix';
import { NAME_SUFFIX_LENGTH } from '../provider/schemas/resources/instance';
import { assertCredentialsAreSecret } from './credential-config';
import { InstanceProperties, instanceOutputNames, type InstanceArgs } from './generated/types';
import { registeredProps, resourceUrnOf } from './resource-props';

export type { InstanceArgs };

// The native plugin defaults a resource's name prefix the same way, from the name in its URN.
export { defaultNamePrefix };

/**
 * A stable 5-character key for one Instance: the same project, stack, parent and name always give the same key, so
 * a phone bought by an `up` that was killed before saving state carries a name the next `up` finds again.
 */
export function instanceCreateKey(project: string, stack: string, parentUrn: string, name: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([project, stack, parentUrn, name]))
    .digest();
  return suffixFromBytes(digest.subarray(0, NAME_SUFFIX_LENGTH));
}

/**
 * One KooPhone cloud phone, bought as a yearly/monthly subscription (or adopted with `adoptInstanceId`).
 * Every spec property replaces the phone when changed: the API cannot change a phone's spec or billing.
 */
export class Instance extends InstanceProperties {
  constructor(name: string, args: InstanceArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const parentUrn: pulumi.Input<string> = opts?.parent?.urn ?? '';
    const createKey = pulumi
      .output(parentUrn)
      .apply((urn) => instanceCreateKey(pulumi.getProject(), pulumi.getStack(), urn, name));
    const resourceUrn = resourceUrnOf(name, 'Instance', opts);
    const props = registeredProps(instanceOutputNames, {
      namePrefix: defaultNamePrefix(name),
      ...args,
      createKey,
      resourceUrn,
    });
    super(instanceProvider, name, props, opts, 'koophone', 'Instance');
  }
}
