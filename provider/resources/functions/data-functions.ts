import type { KooPhoneClient } from '../../client';
import { stateFromRecord } from '../../common/instance-state';
import { subscriptionReport } from '../../common/subscription-report';
import type { z } from 'zod';
import type { ProviderConfig } from '../../schemas/resources/provider-config';
import type { GetQuoteResult, getQuoteArgsSchema } from '../../schemas/resources/quote';
import { describePhones, describeQuote, pricingProjectId, quotePhones } from '../purchase/pricing';
import type {
  getInstancesArgsSchema,
  getSkusArgsSchema,
  getSubscriptionsArgsSchema,
} from '../../schemas/resources/functions';

/**
 * The data functions' work on a client, shared by the SDK (which runs them in the program) and the native plugin
 * (which serves them as `koophone:index:get*` invokes). Arguments arrive validated.
 */

/**
 * Validates a data function's arguments with its zod schema; the error, prefixed by `fn` (`koophone.getSkus` in the
 * program, `koophone:index:getSkus` in the plugin), names every bad field.
 */
export function validArgs<S extends z.ZodType>(fn: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(arguments)'}: ${i.message}`);
  throw new Error(`${fn}: invalid arguments: ${problems.join('; ')}`);
}

/** The saleable SKUs (`GET /v1/instances/sku`): instance and bandwidth SKU ids to buy phones with. */
export async function skusOf(client: KooPhoneClient, args: z.output<typeof getSkusArgsSchema>) {
  const catalogue = await client.listSkus(args.type ?? '0');
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
export async function instancesOf(client: KooPhoneClient, args: z.output<typeof getInstancesArgsSchema>) {
  const records = await client.listAllInstances(args.namePrefix ? { instanceName: args.namePrefix } : undefined);
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

/** The phones' subscriptions from the billing API, soonest expiry first (see subscriptionReport). */
export function subscriptionsOf(client: KooPhoneClient, args: z.output<typeof getSubscriptionsArgsSchema>) {
  return subscriptionReport(client, args);
}

/** The price of `count` phones of a spec for one period (`getQuote`); nothing is bought. */
export async function quoteOf(
  client: KooPhoneClient,
  config: ProviderConfig,
  args: z.output<typeof getQuoteArgsSchema>,
): Promise<GetQuoteResult> {
  const spec = { ...args, charge: { periodType: args.periodType, periodNum: args.periodNum } };
  const quote = await quotePhones(client, await pricingProjectId(client, config), spec, args.count);
  return {
    currency: quote.currency,
    count: quote.phones,
    listAmount: quote.listAmount,
    ...(quote.discountedAmount === undefined ? {} : { discountedAmount: quote.discountedAmount }),
    description: `${describePhones(args.count, spec)}: ${describeQuote(quote)}`,
  };
}
