export { Instance, type InstanceArgs } from './instance';
export { InstanceGroup, type InstanceGroupArgs } from './instance-group';
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
export {
  getSubscriptions,
  type GetSubscriptionsArgs,
  type GetSubscriptionsResult,
  type SubscriptionSummary,
} from './data-functions';
export { AppInstallation, type AppInstallationArgs } from './app-installation';
export { PhoneCommand, type PhoneCommandArgs } from './phone-command';
export { PhoneReboot, PhoneReset, type PhoneRebootArgs, type PhoneResetArgs } from './phone-power';
// Nested types, as a program writes them (`*Args`) and as the provider reports them; generated from the zod schemas.
export type {
  AppInstallationPhone,
  InstanceCharge,
  InstanceChargeArgs,
  InstanceGroupMember,
  InstanceGroupPendingOrder,
  PhoneCommandResult,
  VideoProfile,
  VideoProfileArgs,
  VideoSpec,
  VideoSpecArgs,
} from './generated/types';
export { getQuote, type GetQuoteArgs, type GetQuoteResult } from './data-functions';
