import * as pulumi from '@pulumi/pulumi';
import { KooPhoneClient } from '../provider/client';
import { clientOptionsFrom, readProviderConfig } from '../provider/config';
import { quoteOf } from '../provider/resources/data-functions';
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
    return await quoteOf(client, config, args);
  } finally {
    await client.close();
  }
}
