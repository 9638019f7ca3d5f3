import * as pulumi from '@pulumi/pulumi';
import type { z } from 'zod';
import { KooPhoneClient } from '../provider/client';
import { clientOptionsFrom, readProviderConfig } from '../provider/config';
import { assertCredentialsAreSecret } from './credential-config';
import { instancesOf, skusOf, subscriptionsOf } from '../provider/resources/data-functions';
import {
  getInstancesArgsSchema,
  getSkusArgsSchema,
  getSubscriptionsArgsSchema,
} from '../provider/schemas/resources/functions';
import type {
  GetInstancesArgs,
  GetInstancesResult,
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
export type { GetSubscriptionsArgs, GetSubscriptionsResult, SubscriptionSummary };

/** The dotted field path of a zod issue (`charge.periodNum`, `ids.0`), or `whole` for an issue on the value itself. */
function issuePath(issue: z.core.$ZodIssue, whole: string): string {
  return issue.path.map(String).join('.') || whole;
}

/** Validates a data function's arguments with its zod schema; the error names every bad field. */
function validArgs<S extends z.ZodType>(fn: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${issuePath(i, '(arguments)')}: ${i.message}`);
  throw new Error(`koophone.${fn}: invalid arguments: ${problems.join('; ')}`);
}

/**
 * Data functions run in the program (the dynamic provider host has no invoke), reading the same `koophone:*`
 * config and environment as the resources. Credentials never enter state: results hold only catalogue data.
 */
async function withClient<T>(fn: (client: KooPhoneClient) => Promise<T>): Promise<T> {
  assertCredentialsAreSecret();
  const config = new pulumi.Config('koophone');
  const client = new KooPhoneClient(
    clientOptionsFrom(readProviderConfig((key) => config.get(key.replace(/^koophone:/, '')))),
  );
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** The saleable SKUs (`GET /v1/instances/sku`): instance and bandwidth SKU ids to buy phones with. */
export async function getSkus(rawArgs: GetSkusArgs = {}): Promise<GetSkusResult> {
  const args = validArgs('getSkus', getSkusArgsSchema, rawArgs);
  return withClient((c) => skusOf(c, args));
}

/** Phones of the account, optionally those whose name starts with `namePrefix` and/or with the given ids. */
export async function getInstances(rawArgs: GetInstancesArgs = {}): Promise<GetInstancesResult> {
  const args = validArgs('getInstances', getInstancesArgsSchema, rawArgs);
  return withClient((c) => instancesOf(c, args));
}

/**
 * The phones' yearly/monthly subscriptions from Huawei Cloud's billing API (docs/api/billing.md), soonest expiry
 * first: all of the account's, or `instanceIds`; only those expiring within `expiringWithinDays` when set.
 */
export async function getSubscriptions(rawArgs: GetSubscriptionsArgs = {}): Promise<GetSubscriptionsResult> {
  const args = validArgs('getSubscriptions', getSubscriptionsArgsSchema, rawArgs);
  return withClient((c) => subscriptionsOf(c, args));
}
