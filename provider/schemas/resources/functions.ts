import { z } from 'zod';
import { instanceIdSchema } from './common';
import { instanceStateSchema } from './instance';

/**
 * Arguments and results of the data functions `getSkus` and `getInstances` (sdk/data-functions.ts), in the
 * provider's camelCase spelling. The schema and docs generator reads these, so every field is described.
 */

export const getSkusArgsSchema = z.strictObject({
  type: z
    .literal('0')
    .default('0')
    .describe('Catalogue to list: `0`, the cloud-phone SKUs (the only value the API documents).'),
});
export type GetSkusArgs = z.input<typeof getSkusArgsSchema>;

export const skuPoolSchema = z
  .object({
    os: z.string().describe('Android image the pool runs: `AOSP9` or `AOSP11` (the `os` input of an `Instance`).'),
    resPoolId: z.string().describe('Resource pool id (empty when the API does not report one).'),
    network: z.string().describe('Network type of the pool: `EIP` or `ADN` (the `network` input of an `Instance`).'),
    enabled: z.boolean().describe('Whether phones can be bought in this pool now.'),
  })
  .describe('A resource pool that sells the SKU: one Android image on one network type.');
export type SkuPool = z.infer<typeof skuPoolSchema>;

export const skuSchema = z
  .object({
    regionId: z.string().describe('Region that sells the SKU (the `regionId` input of an `Instance`).'),
    instanceSkuId: z.string().describe('SKU id to buy with (the `instanceSkuId` input of an `Instance`).'),
    type: z.string().describe('SKU family, e.g. `PROFESSIONAL` or `ENTERPRISE`.'),
    name: z.string().describe('Display name of the SKU.'),
    calcSpec: z.string().describe('Compute specification, e.g. vCPUs and memory.'),
    storageSpec: z.string().describe('Storage specification.'),
    description: z.string().describe('Human description of the SKU.'),
    bandSizes: z
      .array(z.number())
      .describe('Bandwidths in Mbit/s the SKU can be bought with (the `bandSize` input of an `Instance`).'),
    chargeMode: z
      .number()
      .int()
      .describe(
        'How the SKU can be paid: `0` yearly/monthly, `1` pay-per-use only (cannot be bought through the API), `2` both.',
      ),
    maxResolution: z.string().describe('Highest streaming resolution the SKU supports.'),
    pools: z.array(skuPoolSchema).describe('Resource pools (Android image × network) that sell the SKU.'),
  })
  .describe('One saleable instance SKU in one region.');
export type Sku = z.infer<typeof skuSchema>;

export const getSkusResultSchema = z.object({
  bandSkuId: z
    .string()
    .describe('The bandwidth SKU id to buy every phone with (the `bandSkuId` input of an `Instance`).'),
  skus: z.array(skuSchema).describe('Every saleable instance SKU, one entry per region.'),
});
export type GetSkusResult = z.infer<typeof getSkusResultSchema>;

export const getInstancesArgsSchema = z.strictObject({
  namePrefix: z
    .string()
    .optional()
    .describe("Only phones whose name starts with this text, e.g. `fleet-` or an `Instance`'s `uniqueNamePrefix`."),
  ids: z.array(instanceIdSchema).optional().describe('Only the phones with these instance ids.'),
});
export type GetInstancesArgs = z.input<typeof getInstancesArgsSchema>;

export const instanceSummarySchema = instanceStateSchema
  // Subscription fields come from the billing API, which getInstances does not call (getSubscriptions does).
  .omit({
    orderId: true,
    adopted: true,
    expireTime: true,
    autoRenew: true,
    subscriptionStatus: true,
    expiryAction: true,
  })
  .describe('One phone of the account, as batch-query reports it.');
export type InstanceSummary = z.infer<typeof instanceSummarySchema>;

export const getInstancesResultSchema = z.object({
  instances: z.array(instanceSummarySchema).describe('The matching phones, in the order the API lists them.'),
});
export type GetInstancesResult = z.infer<typeof getInstancesResultSchema>;

export const getSubscriptionsArgsSchema = z.strictObject({
  instanceIds: z
    .array(instanceIdSchema)
    .optional()
    .describe('Only the subscriptions of these phones. Default: every yearly/monthly phone of the account.'),
  expiringWithinDays: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(3650, 'must be at most 3650')
    .optional()
    .describe('Only subscriptions that expire within this many days from now (already expired ones included).'),
});
export type GetSubscriptionsArgs = z.input<typeof getSubscriptionsArgsSchema>;

export const subscriptionSummarySchema = z
  .object({
    instanceId: z.string().describe("The phone's instance id (its billing resource id)."),
    instanceName: z.string().describe("The phone's name as the billing API reports it (empty when it reports none)."),
    expireTime: z.string().describe('When the subscription expires (UTC).'),
    daysLeft: z.number().describe('Days from now until expiry, rounded down (negative once expired).'),
    autoRenew: z.boolean().describe('Whether the billing system renews the subscription automatically.'),
    subscriptionStatus: z
      .string()
      .describe('Subscription status from the billing API: `active`, `grace`, `frozen`, `expired`, …'),
    expiryAction: z
      .enum(['renew', 'toPayPerUse', 'release'])
      .describe('What the billing system will do at expiry: `renew`, `toPayPerUse` or `release`.'),
  })
  .describe("One phone's yearly/monthly subscription, as Huawei Cloud's billing API reports it.");
export type SubscriptionSummary = z.infer<typeof subscriptionSummarySchema>;

export const getSubscriptionsResultSchema = z.object({
  subscriptions: z.array(subscriptionSummarySchema).describe('The matching subscriptions, soonest expiry first.'),
});
export type GetSubscriptionsResult = z.infer<typeof getSubscriptionsResultSchema>;
