import { z } from 'zod';

/** Arguments and result of the `getQuote` data function (sdk/data-functions.ts; the plugin serves it as an invoke): the price of N phones before buying them. */

export const getQuoteArgsSchema = z.strictObject({
  instanceSkuId: z.string().min(1).describe('SKU id to price, as an `Instance` buys it (see `getSkus`).'),
  bandSize: z
    .number()
    .int('must be a whole number')
    .positive()
    .describe('Bandwidth in Mbit/s, as an `Instance` buys it.'),
  regionId: z.string().min(1).describe('Region the phones are bought in.'),
  count: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(1)
    .describe('How many phones to price. Default 1.'),
  periodType: z.enum(['month', 'year']).default('month').describe('Subscription period unit: `month` or `year`.'),
  periodNum: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(9, 'must be at most 9')
    .default(1)
    .describe('Number of periods: 1–9 months or 1–3 years.'),
});
export type GetQuoteArgs = z.input<typeof getQuoteArgsSchema>;

export const getQuoteResultSchema = z.object({
  currency: z.string().describe('Currency of the amounts, e.g. `CNY` (the account currency).'),
  count: z.number().describe('How many phones were priced.'),
  listAmount: z.number().describe('List ("official website") price of all the phones for the whole period.'),
  discountedAmount: z
    .number()
    .optional()
    .describe("Price after the account's best discount, when the billing system reports one."),
  description: z
    .string()
    .describe('The quote in words, as the plan says it: `40 phones (…, 1 month): CNY 11,960.00 at list price`.'),
});
export type GetQuoteResult = z.infer<typeof getQuoteResultSchema>;
