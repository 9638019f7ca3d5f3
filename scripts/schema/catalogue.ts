import { getQuoteArgsSchema, getQuoteResultSchema } from '../../provider/schemas/resources/quote';
import { z } from 'zod';
import {
  getInstancesArgsSchema,
  getInstancesResultSchema,
  getSkusArgsSchema,
  getSkusResultSchema,
  getSubscriptionsArgsSchema,
  getSubscriptionsResultSchema,
  instanceSummarySchema,
  subscriptionSummarySchema,
  skuPoolSchema,
  skuSchema,
} from '../../provider/schemas/resources/functions';
import { chargeSchema, instanceInputsSchema, instanceStateSchema } from '../../provider/schemas/resources/instance';
import {
  groupMemberSchema,
  instanceGroupInputsSchema,
  instanceGroupStateSchema,
  pendingOrderSchema,
} from '../../provider/schemas/resources/instance-group';
import {
  userAssignmentInputsSchema,
  userAssignmentStateSchema,
} from '../../provider/schemas/resources/user-assignment';
import {
  videoProfileSchema,
  videoSettingInputsSchema,
  videoSpecSchema,
} from '../../provider/schemas/resources/video-setting';
import {
  appInstallationInputsSchema,
  appInstallationStateSchema,
  phoneAppSchema,
} from '../../provider/schemas/resources/app-installation';
import {
  commandResultSchema,
  phoneCommandInputsSchema,
  phoneCommandStateSchema,
} from '../../provider/schemas/resources/phone-command';
import {
  phonePowerStateSchema,
  phoneRebootInputsSchema,
  phoneResetInputsSchema,
} from '../../provider/schemas/resources/phone-power';
import type { NamedType } from './property-model';

/** Everything the package offers, as the generator sees it: which zod schema describes what, under which token. */

export const PACKAGE_NAME = 'koophone';
export const token = (name: string) => `${PACKAGE_NAME}:index:${name}`;

export const NAMED_TYPES: readonly NamedType[] = [
  { name: 'InstanceCharge', schema: chargeSchema, fallbackDescription: 'How a phone is paid for.' },
  {
    name: 'InstanceGroupMember',
    schema: groupMemberSchema,
    fallbackDescription: 'One phone of an InstanceGroup, in its slot.',
  },
  {
    name: 'InstanceGroupPendingOrder',
    schema: pendingOrderSchema,
    fallbackDescription: 'An order of an InstanceGroup whose outcome is not known yet.',
  },
  {
    name: 'VideoProfile',
    schema: videoProfileSchema,
    fallbackDescription: 'Video settings for one network type and codec.',
  },
  {
    name: 'VideoSpec',
    schema: videoSpecSchema,
    fallbackDescription: 'Bit rate and frame rate of one definition (resolution).',
  },
  {
    name: 'AppInstallationPhone',
    schema: phoneAppSchema,
    fallbackDescription: 'The app on one phone of an AppInstallation.',
  },
  {
    name: 'PhoneCommandResult',
    schema: commandResultSchema,
    fallbackDescription: 'How a PhoneCommand ended on one phone.',
  },
  { name: 'Sku', schema: skuSchema, fallbackDescription: 'One saleable instance SKU in one region.' },
  { name: 'SkuPool', schema: skuPoolSchema, fallbackDescription: 'A resource pool that sells a SKU.' },
  { name: 'InstanceSummary', schema: instanceSummarySchema, fallbackDescription: 'One phone of the account.' },
  {
    name: 'SubscriptionSummary',
    schema: subscriptionSummarySchema,
    fallbackDescription: "One phone's yearly/monthly subscription.",
  },
];

export interface ResourceEntry {
  name: string;
  /** One paragraph: the resource description in schema.json and the lead of its docs page. */
  summary: string;
  /** Docs page file name under docs/. */
  page: string;
  inputs: z.ZodType;
  /** Output-only fields beyond the echoed inputs. */
  state?: z.ZodObject;
}

export const RESOURCES: readonly ResourceEntry[] = [
  {
    name: 'Instance',
    summary:
      'One KooPhone cloud phone, bought as a yearly/monthly subscription (or taken over with `adoptInstanceId`). ' +
      'Every spec property replaces the phone when changed: the API cannot change an existing phone. Billing (auto-renew, ' +
      "renewals before expiry, the expiry policy) changes the existing subscription through Huawei Cloud's billing API. " +
      '`pulumi destroy` unsubscribes it.',
    page: 'instance.md',
    inputs: instanceInputsSchema,
    state: instanceStateSchema,
  },
  {
    name: 'InstanceGroup',
    summary:
      'A fleet of identical KooPhone cloud phones (yearly/monthly subscriptions), bought in ceil(k/1500) orders rather ' +
      'than one per phone. Slots are stable: `instanceIds[i]` is the phone in slot i for the life of the group; a member ' +
      'lost out of band is re-bought into its slot, and shrinking unsubscribes the highest slots. Spec changes replace ' +
      'the group; billing changes apply to phones bought from then on and never replace a phone.',
    page: 'instance-group.md',
    inputs: instanceGroupInputsSchema,
    state: instanceGroupStateSchema,
  },
  {
    name: 'UserAssignment',
    summary:
      "Assigns a phone to a user of the tenant's KooPhone organisation. Changing the phone or the user replaces the " +
      "assignment (the old one is removed first), and removing an assignment WIPES that user's data on the phone.",
    page: 'user-assignment.md',
    inputs: userAssignmentInputsSchema,
    state: userAssignmentStateSchema,
  },
  // VideoSetting updates in place (provider/resources/operations/video-setting.ts diff lists no replaces).
  {
    name: 'VideoSetting',
    summary:
      'Bit rate and frame rate per network type, codec and definition for a set of phones. The API has no read for ' +
      'these settings, so drift is not detectable; deleting the resource restores the documented defaults.',
    page: 'video-setting.md',
    inputs: videoSettingInputsSchema,
  },
  {
    name: 'AppInstallation',
    summary:
      'One APK on a set of phones, as declared state: installed on create (100 phones per call, tasks polled), read back ' +
      'per phone on refresh (a missing or other version is drift that `up` repairs only there), installed on phones ' +
      'added and uninstalled from phones removed, uninstalled on delete. `packageUrl` is stored as a secret.',
    page: 'app-installation.md',
    inputs: appInstallationInputsSchema,
    state: appInstallationStateSchema,
  },
  {
    name: 'PhoneCommand',
    summary:
      'An ADB shell command run on a set of phones on create and again whenever `command`, `instanceIds`, `async` or ' +
      '`triggers` change; per-phone status and output (at most 1024 characters) are outputs. `deleteCommand` runs on delete.',
    page: 'phone-command.md',
    inputs: phoneCommandInputsSchema,
    state: phoneCommandStateSchema,
  },
  {
    name: 'PhoneReboot',
    summary:
      'Reboots a set of phones on create and whenever `instanceIds` or `triggers` change, and waits until they run again.',
    page: 'phone-reboot.md',
    inputs: phoneRebootInputsSchema,
    state: phonePowerStateSchema,
  },
  {
    name: 'PhoneReset',
    summary:
      'Factory-resets a set of phones — every app and all data WIPED — on create and whenever `instanceIds` or `triggers` ' +
      'change, and waits until they run again. Refused at preview unless `confirmDataLoss` is true.',
    page: 'phone-reset.md',
    inputs: phoneResetInputsSchema,
    state: phonePowerStateSchema,
  },
];

export interface FunctionEntry {
  name: string;
  summary: string;
  page: string;
  args: z.ZodType;
  result: z.ZodType;
}

export const FUNCTIONS: readonly FunctionEntry[] = [
  {
    name: 'getSkus',
    summary:
      'The saleable SKUs (`GET /v1/instances/sku`): the instance and bandwidth SKU ids, regions, Android images and bandwidths to buy phones with.',
    page: 'get-skus.md',
    args: getSkusArgsSchema,
    result: getSkusResultSchema,
  },
  {
    name: 'getInstances',
    summary:
      'The phones of the account (`GET /v1/instances/batch-query`, every page), optionally only those with a name prefix or given ids.',
    page: 'get-instances.md',
    args: getInstancesArgsSchema,
    result: getInstancesResultSchema,
  },
  {
    name: 'getSubscriptions',
    summary:
      "The phones' yearly/monthly subscriptions from Huawei Cloud's billing API (`POST /v2/orders/suscriptions/resources/query`, " +
      '≤ 50 ids per call), soonest expiry first; optionally only given phones or those expiring within a number of days.',
    page: 'get-subscriptions.md',
    args: getSubscriptionsArgsSchema,
    result: getSubscriptionsResultSchema,
  },
  {
    name: 'getQuote',
    summary:
      "The price of N phones of a spec for one period from Huawei Cloud's price inquiry (`POST /v2/bills/ratings/period-resources/subscribe-rate`): " +
      'the list price the plan shows and budgets compare, and the discounted price when the account has one.',
    page: 'get-quote.md',
    args: getQuoteArgsSchema,
    result: getQuoteResultSchema,
  },
];
