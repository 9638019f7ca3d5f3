/**
 * The native flavour of the SDK (`import * as koophone from 'pulumi-koophone/native'`): the same classes, arguments
 * and outputs as the default (dynamic) export, registered as real `koophone:index:*` resources of the
 * `pulumi-resource-koophone` plugin. Previews then show computed outputs (no phantom replacements of dependents),
 * and `pulumi import` works. When to use which: docs/native-provider.md.
 */
import type * as pulumi from '@pulumi/pulumi';
import {
  InstanceProperties,
  instanceOutputNames,
  type InstanceArgs,
  InstanceGroupProperties,
  instanceGroupOutputNames,
  type InstanceGroupArgs,
  UserAssignmentProperties,
  userAssignmentOutputNames,
  type UserAssignmentArgs,
  VideoSettingProperties,
  videoSettingOutputNames,
  type VideoSettingArgs,
  AppInstallationProperties,
  appInstallationOutputNames,
  type AppInstallationArgs,
  PhoneCommandProperties,
  phoneCommandOutputNames,
  type PhoneCommandArgs,
  PhoneRebootProperties,
  phoneRebootOutputNames,
  type PhoneRebootArgs,
  PhoneResetProperties,
  phoneResetOutputNames,
  type PhoneResetArgs,
  type GetInstancesArgs,
  type GetInstancesResult,
  type GetSkusArgs,
  type GetSkusResult,
  type GetSubscriptionsArgs,
  type GetSubscriptionsResult,
  type GetQuoteArgs,
  type GetQuoteResult,
} from '../generated/types';
import { KoophoneNativeResource, PLUGIN_VERSION, invokeNative } from './native-resource';

export { PLUGIN_VERSION };
export type {
  InstanceArgs,
  InstanceGroupArgs,
  UserAssignmentArgs,
  VideoSettingArgs,
  AppInstallationArgs,
  PhoneCommandArgs,
  PhoneRebootArgs,
  PhoneResetArgs,
  GetInstancesArgs,
  GetInstancesResult,
  GetSkusArgs,
  GetSkusResult,
  GetSubscriptionsArgs,
  GetSubscriptionsResult,
};

/** The output properties a generated `<Name>Properties` class declares. */
type Outputs<P, K extends keyof P> = Pick<P, K>;

/** `koophone:index:Instance` through the native plugin; same arguments and outputs as the dynamic `Instance`. */
// Interface and class merge: the outputs are declared once, on the generated InstanceProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Instance extends Outputs<InstanceProperties, (typeof instanceOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Instance extends KoophoneNativeResource {
  constructor(name: string, args: InstanceArgs, opts?: pulumi.CustomResourceOptions) {
    super('Instance', name, args, instanceOutputNames, opts);
  }
}

/** `koophone:index:InstanceGroup` through the native plugin; same arguments and outputs as the dynamic `InstanceGroup`. */
// Interface and class merge: the outputs are declared once, on the generated InstanceGroupProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface InstanceGroup extends Outputs<InstanceGroupProperties, (typeof instanceGroupOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class InstanceGroup extends KoophoneNativeResource {
  constructor(name: string, args: InstanceGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super('InstanceGroup', name, args, instanceGroupOutputNames, opts);
  }
}

/** `koophone:index:UserAssignment` through the native plugin; same arguments and outputs as the dynamic `UserAssignment`. */
// Interface and class merge: the outputs are declared once, on the generated UserAssignmentProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface UserAssignment extends Outputs<UserAssignmentProperties, (typeof userAssignmentOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class UserAssignment extends KoophoneNativeResource {
  constructor(name: string, args: UserAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    super('UserAssignment', name, args, userAssignmentOutputNames, opts);
  }
}

/** `koophone:index:VideoSetting` through the native plugin; same arguments and outputs as the dynamic `VideoSetting`. */
// Interface and class merge: the outputs are declared once, on the generated VideoSettingProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface VideoSetting extends Outputs<VideoSettingProperties, (typeof videoSettingOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class VideoSetting extends KoophoneNativeResource {
  constructor(name: string, args: VideoSettingArgs, opts?: pulumi.CustomResourceOptions) {
    super('VideoSetting', name, args, videoSettingOutputNames, opts);
  }
}

/** `koophone:index:AppInstallation` through the native plugin; same arguments and outputs as the dynamic `AppInstallation`. */
// Interface and class merge: the outputs are declared once, on the generated AppInstallationProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface AppInstallation extends Outputs<
  AppInstallationProperties,
  (typeof appInstallationOutputNames)[number]
> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AppInstallation extends KoophoneNativeResource {
  constructor(name: string, args: AppInstallationArgs, opts?: pulumi.CustomResourceOptions) {
    super('AppInstallation', name, args, appInstallationOutputNames, opts);
  }
}

/** `koophone:index:PhoneCommand` through the native plugin; same arguments and outputs as the dynamic `PhoneCommand`. */
// Interface and class merge: the outputs are declared once, on the generated PhoneCommandProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface PhoneCommand extends Outputs<PhoneCommandProperties, (typeof phoneCommandOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PhoneCommand extends KoophoneNativeResource {
  constructor(name: string, args: PhoneCommandArgs, opts?: pulumi.CustomResourceOptions) {
    super('PhoneCommand', name, args, phoneCommandOutputNames, opts);
  }
}

/** `koophone:index:PhoneReboot` through the native plugin; same arguments and outputs as the dynamic `PhoneReboot`. */
// Interface and class merge: the outputs are declared once, on the generated PhoneRebootProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface PhoneReboot extends Outputs<PhoneRebootProperties, (typeof phoneRebootOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PhoneReboot extends KoophoneNativeResource {
  constructor(name: string, args: PhoneRebootArgs, opts?: pulumi.CustomResourceOptions) {
    super('PhoneReboot', name, args, phoneRebootOutputNames, opts);
  }
}

/** `koophone:index:PhoneReset` through the native plugin; same arguments and outputs as the dynamic `PhoneReset`. */
// Interface and class merge: the outputs are declared once, on the generated PhoneResetProperties.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface PhoneReset extends Outputs<PhoneResetProperties, (typeof phoneResetOutputNames)[number]> {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PhoneReset extends KoophoneNativeResource {
  constructor(name: string, args: PhoneResetArgs, opts?: pulumi.CustomResourceOptions) {
    super('PhoneReset', name, args, phoneResetOutputNames, opts);
  }
}

/** The saleable SKUs, served by the plugin. */
export const getSkus = (args: GetSkusArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<GetSkusResult>('getSkus', args, opts);
/** The account's phones, served by the plugin. */
export const getInstances = (args: GetInstancesArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<GetInstancesResult>('getInstances', args, opts);
/** The phones' subscriptions, served by the plugin. */
export const getSubscriptions = (args: GetSubscriptionsArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<GetSubscriptionsResult>('getSubscriptions', args, opts);
/** The list price of `count` phones of a spec for one period, served by the plugin; nothing is bought. */
export const getQuote = (args: GetQuoteArgs, opts?: pulumi.InvokeOptions) =>
  invokeNative<GetQuoteResult>('getQuote', args, opts);
