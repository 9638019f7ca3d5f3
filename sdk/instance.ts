import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import * as instanceProvider from '../provider/dynamic/instance';
import { suffixFromBytes } from '../provider/common/name-suffix';
import { NAME_PREFIX_MAX, NAME_SUFFIX_LENGTH, type InstanceArgs as InstanceSchemaArgs } from '../provider/schemas/resources/instance';
import { assertCredentialsAreSecret } from './credential-config';
import type { Inputify } from './input-types';

export type InstanceArgs = Inputify<Omit<InstanceSchemaArgs, 'uniqueNamePrefix' | 'createKey' | 'resourceUrn'>>;

/** Default name prefix from the resource name: letters and digits only, at most the allowed length. */
export function defaultNamePrefix(resourceName: string): string {
  const cleaned = resourceName.replace(/[^a-z0-9]/gi, '').replace(/^[0-9]+/, '');
  return (cleaned || 'kp').slice(0, NAME_PREFIX_MAX).toLowerCase();
}

/**
 * A stable 5-character key for one Instance: the same project, stack, parent and name always give the same key, so
 * a phone bought by an `up` that was killed before saving state carries a name the next `up` finds again.
 */
export function instanceCreateKey(project: string, stack: string, parentUrn: string, name: string): string {
  const digest = createHash('sha256').update(JSON.stringify([project, stack, parentUrn, name])).digest();
  return suffixFromBytes(digest.subarray(0, NAME_SUFFIX_LENGTH));
}

/**
 * One KooPhone cloud phone, bought as a yearly/monthly subscription (or adopted with `adoptInstanceId`).
 * Every spec property replaces the phone when changed: the API cannot change a phone's spec or billing.
 */
export class Instance extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly instanceName: pulumi.Output<string>;
  declare readonly uniqueNamePrefix: pulumi.Output<string>;
  declare readonly orderId: pulumi.Output<string>;
  declare readonly runningStatus: pulumi.Output<number>;
  declare readonly frozenStatus: pulumi.Output<number>;
  declare readonly loginStatus: pulumi.Output<number>;
  declare readonly assignStatus: pulumi.Output<number>;
  declare readonly assignUser: pulumi.Output<string>;
  declare readonly billingMode: pulumi.Output<string>;
  declare readonly instanceSku: pulumi.Output<string>;
  declare readonly region: pulumi.Output<string>;
  declare readonly regionNameEn: pulumi.Output<string>;
  declare readonly projectId: pulumi.Output<string>;
  declare readonly projectName: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;
  /** Subscription expiry (UTC) as Huawei Cloud's billing API reports it. */
  declare readonly expireTime: pulumi.Output<string | undefined>;
  /** Auto-renew as the billing system reports it. */
  declare readonly autoRenew: pulumi.Output<boolean | undefined>;
  declare readonly subscriptionStatus: pulumi.Output<string | undefined>;
  /** What the billing system will do at expiry: `renew`, `toPayPerUse` or `release`. */
  declare readonly expiryAction: pulumi.Output<'renew' | 'toPayPerUse' | 'release' | undefined>;
  declare readonly os: pulumi.Output<string>;
  declare readonly instanceSkuId: pulumi.Output<string>;
  declare readonly regionId: pulumi.Output<string>;

  constructor(name: string, args: InstanceArgs, opts?: pulumi.CustomResourceOptions) {
    assertCredentialsAreSecret();
    const outputs = {
      instanceId: undefined, instanceName: undefined, uniqueNamePrefix: undefined, orderId: undefined,
      runningStatus: undefined, frozenStatus: undefined, loginStatus: undefined, assignStatus: undefined,
      assignUser: undefined, billingMode: undefined, instanceSku: undefined, region: undefined,
      regionNameEn: undefined, projectId: undefined, projectName: undefined, adopted: undefined,
      expireTime: undefined, autoRenew: undefined, subscriptionStatus: undefined, expiryAction: undefined,
    };
    const parentUrn: pulumi.Input<string> = opts?.parent?.urn ?? '';
    const createKey = pulumi.output(parentUrn).apply((urn) => instanceCreateKey(pulumi.getProject(), pulumi.getStack(), urn, name));
    const resourceUrn = pulumi.createUrn(name, 'koophone:index:Instance', opts?.parent);
    super(instanceProvider, name, { ...outputs, namePrefix: defaultNamePrefix(name), ...args, createKey, resourceUrn }, opts, 'koophone', 'Instance');
  }
}
