import * as pulumi from '@pulumi/pulumi';
import type { z } from 'zod';
import { KooPhoneClient } from '../provider/client';
import { clientOptionsFrom, readProviderConfig } from '../provider/config';
import { assertCredentialsAreSecret } from './credential-config';
import { stateFromRecord } from '../provider/common/instance-state';
import {
  getInstancesArgsSchema,
  getSkusArgsSchema,
  getSubscriptionsArgsSchema,
} from '../provider/schemas/resources/functions';
import { subscriptionReport } from '../provider/common/subscription-report';
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
  const catalogue = await withClient((c) => c.listSkus(args.type ?? '0'));
  return {
    bandSkuId: catalogue.bandInfo?.cbcSkuId ?? '',
    skus: (catalogue.skuSpecResponseList ?? []).flatMap((region) =>
      (region.skuResponses ?? []).map((s) => ({
        regionId: region.regionId,
        instanceSkuId: s.cbcSkuId,
        type: s.type ?? '',
        name: s.name ?? '',
        calcSpec: s.calcSpec ?? '',
        storageSpec: s.storageSpec ?? '',
        description: s.specDesc ?? '',
        bandSizes: String(s.bandSize ?? '')
          .split(',')
          .filter(Boolean)
          .map(Number),
        chargeMode: s.chargeMode ?? 0,
        maxResolution: s.maxResolution ?? '',
        pools: (s.poolInfo?.aosp ?? []).map((p) => ({
          os: p.version,
          resPoolId: String(p.resPoolId ?? ''),
          network: p.network ?? '',
          enabled: p.enable ?? false,
        })),
      })),
    ),
  };
}

/** Phones of the account, optionally those whose name starts with `namePrefix` and/or with the given ids. */
export async function getInstances(rawArgs: GetInstancesArgs = {}): Promise<GetInstancesResult> {
  const args = validArgs('getInstances', getInstancesArgsSchema, rawArgs);
  const records = await withClient((c) =>
    c.listAllInstances(args.namePrefix ? { instanceName: args.namePrefix } : undefined),
  );
  const ids = args.ids ? new Set(args.ids) : undefined;
  const instances = records
    .filter(
      (r) => (!args.namePrefix || r.instance_name.startsWith(args.namePrefix)) && (!ids || ids.has(r.instance_id)),
    )
    .map((r) => {
      const { orderId: _o, adopted: _a, ...summary } = stateFromRecord(r, '', false);
      return summary;
    });
  return { instances };
}

/**
 * The phones' yearly/monthly subscriptions from Huawei Cloud's billing API (docs/api/billing.md), soonest expiry
 * first: all of the account's, or `instanceIds`; only those expiring within `expiringWithinDays` when set.
 */
export async function getSubscriptions(rawArgs: GetSubscriptionsArgs = {}): Promise<GetSubscriptionsResult> {
  const args = validArgs('getSubscriptions', getSubscriptionsArgsSchema, rawArgs);
  return withClient((c) => subscriptionReport(c, args));
}
