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
import { chargeSchema } from '../../provider/schemas/resources/instance';
import { RESOURCES as REGISTERED_RESOURCES, type RegisteredResource } from '../../provider/registry';
import { groupMemberSchema, pendingOrderSchema } from '../../provider/schemas/resources/instance-group';
import { videoProfileSchema, videoSpecSchema } from '../../provider/schemas/resources/video-setting';
import { phoneAppSchema } from '../../provider/schemas/resources/app-installation';
import { commandResultSchema } from '../../provider/schemas/resources/phone-command';
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

/** A resource as the generator sees it: its entry in provider/registry.ts, the one list of resources. */
export type ResourceEntry = Pick<RegisteredResource, 'name' | 'summary' | 'page' | 'inputs' | 'state'>;

export const RESOURCES: readonly ResourceEntry[] = REGISTERED_RESOURCES;

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
