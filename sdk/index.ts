export { Instance, type InstanceArgs } from './instance';
export { InstanceGroup, type InstanceGroupArgs, type InstanceGroupMember } from './instance-group';
export { UserAssignment, type UserAssignmentArgs } from './user-assignment';
export { VideoSetting, type VideoSettingArgs } from './video-setting';
export {
  getSkus,
  getInstances,
  type GetSkusArgs,
  type GetSkusResult,
  type Sku,
  type SkuPool,
  type GetInstancesArgs,
  type GetInstancesResult,
  type InstanceSummary,
} from './data-functions';
export { getSubscriptions, type GetSubscriptionsArgs, type GetSubscriptionsResult, type SubscriptionSummary } from './data-functions';
export { AppInstallation, type AppInstallationArgs, type AppInstallationPhone } from './app-installation';
export { PhoneCommand, type PhoneCommandArgs, type PhoneCommandResult } from './phone-command';
export { PhoneReboot, PhoneReset, type PhoneRebootArgs, type PhoneResetArgs } from './phone-power';
