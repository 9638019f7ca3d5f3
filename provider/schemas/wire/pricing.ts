import { z } from 'zod';

/**
 * BSS ListRateOnPeriodDetail (`POST /v2/bills/ratings/period-resources/subscribe-rate`): the price of yearly/monthly
 * products before buying them (docs/api/billing.md "Prices"). Field names are those of the official SDKs' models
 * (RateOnPeriodReq, PeriodProductInfo, ListRateOnPeriodDetailResponse); KooPhone's codes are inferred.
 */

/** Product infos per inquiry (documented: at most 100). */
export const PRODUCT_INFOS_MAX = 100;
/** size_measure_id 15: Mbit/s (documented for bandwidth products). */
export const SIZE_MEASURE_MBITS = 15;
/** Inferred (no document gives them): the codes the billing query reports for a phone. */
export const KOOPHONE_SERVICE_TYPE = 'hws.service.type.koophone';
export const KOOPHONE_RESOURCE_TYPE = 'hws.resource.type.koophone.instance';

export const periodProductInfoSchema = z.strictObject({
  id: z.string().min(1).max(64),
  cloud_service_type: z.string().min(1).max(400),
  resource_type: z.string().min(1).max(400),
  resource_spec: z.string().min(1).max(400),
  region: z.string().min(1).max(64),
  available_zone: z.string().max(64).optional(),
  resource_size: z.number().int().min(1).optional(),
  size_measure_id: z.number().int().optional(),
  /** 2 month, 3 year. */
  period_type: z.union([z.literal(2), z.literal(3)]),
  period_num: z.number().int().min(1),
  subscription_num: z.number().int().min(1),
});
export type PeriodProductInfo = z.infer<typeof periodProductInfoSchema>;

export const rateOnPeriodRequestSchema = z.strictObject({
  project_id: z.string().min(1).max(64),
  product_infos: z.array(periodProductInfoSchema).min(1).max(PRODUCT_INFOS_MAX),
});
export type RateOnPeriodRequest = z.infer<typeof rateOnPeriodRequestSchema>;

/** BigDecimal amounts arrive as JSON numbers (or strings from some gateways). */
const amountSchema = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const productRatingSchema = z.looseObject({
  id: z.string(),
  product_id: z.string().nullish(),
  official_website_amount: amountSchema.nullish(),
  amount: amountSchema.nullish(),
  discount_amount: amountSchema.nullish(),
  measure_id: z.number().int().nullish(),
});

export const rateOnPeriodResponseSchema = z.looseObject({
  official_website_rating_result: z.looseObject({
    official_website_amount: amountSchema,
    /** 1 yuan (the unit of the amounts). */
    measure_id: z.number().int().nullish(),
    product_rating_results: z.array(productRatingSchema).nullish(),
  }),
  optional_discount_rating_results: z
    .array(
      z.looseObject({
        discount_id: z.string().nullish(),
        amount: amountSchema.nullish(),
        official_website_amount: amountSchema.nullish(),
        discount_amount: amountSchema.nullish(),
        measure_id: z.number().int().nullish(),
        discount_name: z.string().nullish(),
        best_offer: z.number().int().nullish(),
        product_rating_results: z.array(productRatingSchema).nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  currency: z.string().nullish(),
});
export type RateOnPeriodResponse = z.infer<typeof rateOnPeriodResponseSchema>;
