import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import instanceGroupProvider from '../provider/dynamic/instance-group';
import { suffixFromBytes } from '../provider/common/name-suffix';
import { NAME_SUFFIX_LENGTH } from '../provider/schemas/resources/instance';
import { GROUP_NAME_PREFIX_MAX } from '../provider/schemas/resources/instance-group';
import { assertCredentialsAreSecret } from './credential-config';
import { InstanceGroupProperties, instanceGroupOutputNames, type InstanceGroupArgs } from './generated/types';
import { defaultNamePrefix } from './instance';
import { registeredProps, resourceUrnOf } from './resource-props';

export type { InstanceGroupArgs };

const TYPE = 'InstanceGroup';

/**
 * A stable 5-character key for one group (salted with the type, so an Instance of the same name gets another):
 * the same project, stack, parent and name always give the same key, so phones ordered by an `up` that was killed
 * before saving state carry names the next `up` finds again.
 */
export function groupCreateKey(project: string, stack: string, parentUrn: string, name: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([TYPE, project, stack, parentUrn, name]))
    .digest();
  return suffixFromBytes(digest.subarray(0, NAME_SUFFIX_LENGTH));
}

/**
 * A fleet of identical KooPhone cloud phones bought as yearly/monthly subscriptions, in as few orders as the API
 * allows. Slots are stable: `instanceIds[i]` is the phone in slot i for the life of the group; a member lost out of
 * band is re-bought into its slot, and shrinking the group unsubscribes the phones of the highest slots.
 */
export class InstanceGroup extends InstanceGroupProperties {
  constructor(name: string, args: InstanceGroupArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const parentUrn: pulumi.Input<string> = opts?.parent?.urn ?? '';
    const createKey = pulumi
      .output(parentUrn)
      .apply((urn) => groupCreateKey(pulumi.getProject(), pulumi.getStack(), urn, name));
    const resourceUrn = resourceUrnOf(name, TYPE, opts);
    const namePrefix = defaultNamePrefix(name).slice(0, GROUP_NAME_PREFIX_MAX);
    super(
      instanceGroupProvider,
      name,
      registeredProps(instanceGroupOutputNames, { namePrefix, ...args, createKey, resourceUrn }),
      opts,
      'koophone',
      TYPE,
    );
  }
}
