import * as pulumi from '@pulumi/pulumi';
import { KooPhoneClient } from '../provider/client';
import { clientOptionsFrom, readProviderConfig } from '../provider/config';
import { describePhones, describeQuote, pricingProjectId, quotePhones } from '../provider/resources/pricing';
import { getQuoteArgsSchema } from '../provider/schemas/resources/quote';
import { assertCredentialsAreSecret } from './credential-config';
import type { GetQuoteArgs, GetQuoteResult } from './generated/types';

export type { GetQuoteArgs, GetQuoteResult };

/**
 * The price of `count` phones of a spec for one declared period, from Huawei Cloud's price inquiry (BSS
 * ListRateOnPeriodDetail, docs/api/billing.md "Prices") — the same figure the plan shows beside a resource.
 * It runs in the program, with the same `koophone:*` config as the resources; nothing is bought.
 */
export async function getQuote(rawArgs: GetQuoteArgs): Promise<GetQuoteResult> {
  const parsed = getQuoteArgsSchema.safeParse(rawArgs);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(arguments)'}: ${i.message}`);
    throw new Error(`koophone.getQuote: invalid arguments: ${problems.join('; ')}`);
  }
  const args = parsed.data;
  assertCredentialsAreSecret();
  const config = readProviderConfig((key) => new pulumi.Config('koophone').get(key.replace(/^koophone:/, '')));
  const client = new KooPhoneClient(clientOptionsFrom(config));
  try {
    const spec = { ...args, charge: { periodType: args.periodType, periodNum: args.periodNum } };
    const quote = await quotePhones(client, await pricingProjectId(client, config), spec, args.count);
    return {
      currency: quote.currency,
      count: quote.phones,
      listAmount: quote.listAmount,
      ...(quote.discountedAmount === undefined ? {} : { discountedAmount: quote.discountedAmount }),
      description: `${describePhones(args.count, spec)}: ${describeQuote(quote)}`,
    };
  } finally {
    await client.close();
  }
}
