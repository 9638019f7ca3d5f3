export { Instance, type InstanceArgs } from './instance';
export { InstanceGroup, type InstanceGroupArgs } from './instance-group';
// The resources that need no code of their own in the program: classes generated from provider/registry.ts.
export {
  AppInstallation,
  PhoneCommand,
  PhoneReboot,
  PhoneReset,
  UserAssignment,
  VideoSetting,
  type AppInstallationArgs,
  type PhoneCommandArgs,
  type PhoneRebootArgs,
  type PhoneResetArgs,
  type UserAssignmentArgs,
  type VideoSettingArgs,
} from './generated/resources';
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
