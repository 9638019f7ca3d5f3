import * as pulumi from '@pulumi/pulumi';
import { KooPhoneClient } from '../provider/client';
import { clientOptionsFrom, readProviderConfig } from '../provider/config';
import { assertCredentialsAreSecret } from './credential-config';
import {
  instancesOf,
  quoteOf,
  skusOf,
  subscriptionsOf,
  validArgs,
} from '../provider/resources/functions/data-functions';
import { getQuoteArgsSchema } from '../provider/schemas/resources/quote';
import type { ProviderConfig } from '../provider/schemas/resources/provider-config';
import {
  getInstancesArgsSchema,
  getSkusArgsSchema,
  getSubscriptionsArgsSchema,
} from '../provider/schemas/resources/functions';
import type {
  GetInstancesArgs,
  GetInstancesResult,
  GetQuoteArgs,
  GetQuoteResult,
  GetSkusArgs,
  GetSkusResult,
  GetSubscriptionsArgs,
  GetSubscriptionsResult,
  InstanceSummary,
  SubscriptionSummary,
  Sku,
  SkuPool,
} from './generated/types';

export type { GetInstancesArgs, GetInstancesResult, GetSkusArgs, GetSkusResult, InstanceSummary, Sku, SkuPool };
export type { GetSubscriptionsArgs, GetSubscriptionsResult, SubscriptionSummary, GetQuoteArgs, GetQuoteResult };

/**
 * Data functions run in the program (the dynamic provider host has no invoke), reading the same `koophone:*`
 * config and environment as the resources. Credentials never enter state: results hold only catalogue data.
 */
async function withClient<T>(fn: (client: KooPhoneClient, config: ProviderConfig) => Promise<T>): Promise<T> {
  assertCredentialsAreSecret();
  const stackConfig = new pulumi.Config('koophone');
  const config = readProviderConfig((key) => stackConfig.get(key.replace(/^koophone:/, '')));
  const client = new KooPhoneClient(clientOptionsFrom(config));
  try {
    return await fn(client, config);
  } finally {
    await client.close();
  }
}

/** The saleable SKUs (`GET /v1/instances/sku`): instance and bandwidth SKU ids to buy phones with. */
export async function getSkus(rawArgs: GetSkusArgs = {}): Promise<GetSkusResult> {
  const args = validArgs('koophone.getSkus', getSkusArgsSchema, rawArgs);
  return withClient((c) => skusOf(c, args));
}

/** Phones of the account, optionally those whose name starts with `namePrefix` and/or with the given ids. */
export async function getInstances(rawArgs: GetInstancesArgs = {}): Promise<GetInstancesResult> {
  const args = validArgs('koophone.getInstances', getInstancesArgsSchema, rawArgs);
  return withClient((c) => instancesOf(c, args));
}

/**
 * The phones' yearly/monthly subscriptions from Huawei Cloud's billing API (docs/api/billing.md), soonest expiry
 * first: all of the account's, or `instanceIds`; only those expiring within `expiringWithinDays` when set.
 */
export async function getSubscriptions(rawArgs: GetSubscriptionsArgs = {}): Promise<GetSubscriptionsResult> {
  const args = validArgs('koophone.getSubscriptions', getSubscriptionsArgsSchema, rawArgs);
  return withClient((c) => subscriptionsOf(c, args));
}

/**
 * The price of `count` phones of a spec for one declared period, from Huawei Cloud's price inquiry (BSS
 * ListRateOnPeriodDetail, docs/api/billing.md "Prices") — the same figure the plan shows beside a resource.
 * Nothing is bought.
 */
export async function getQuote(rawArgs: GetQuoteArgs): Promise<GetQuoteResult> {
  const args = validArgs('koophone.getQuote', getQuoteArgsSchema, rawArgs);
  return withClient((c, config) => quoteOf(c, config, args));
}
