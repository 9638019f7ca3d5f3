import { z } from 'zod';
import type { Caller } from './caller';
import { findSku } from './sku-catalogue';

/**
 * Price inquiry for yearly/monthly products, BSS ListRateOnPeriodDetail
 * (`POST /v2/bills/ratings/period-resources/subscribe-rate`, docs/api/billing.md "Prices"). Field names and limits
 * are the documented ones; the KooPhone codes and the price table are this emulator's model (inferred).
 * Defined here, not shared with the provider: the emulator checks the wire on its own.
 */

/** Inferred codes (no document gives KooPhone's): the ones the emulator's subscription query reports too. */
export const KOOPHONE_SERVICE_TYPE = 'hws.service.type.koophone';
export const KOOPHONE_RESOURCE_TYPE = 'hws.resource.type.koophone.instance';
/** size_measure_id 15: Mbit/s (documented for bandwidth); the phone's bandwidth is its resource_size (inferred). */
export const MBITS_MEASURE = 15;
/** measure_id 1: yuan (documented unit of the amounts). */
export const YUAN_MEASURE = 1;
export const PRODUCT_INFOS_MAX = 100;

/**
 * List price of one phone for one month, CNY, per SKU and band size (a model, not Huawei's price list).
 * Pay-per-use-only SKUs have no yearly/monthly price.
 */
export const MONTHLY_LIST_PRICE: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  'kp.professional.xlarge.32g.2': { 4: 299, 6: 329 },
  'kp.professional.2xlarge.128g.2': { 4: 599, 8: 659 },
  'kp.enterprise.2xlarge.128g.2': { 4: 899, 8: 959 },
};
/** A year costs this many months (the common "ten months for a year" yearly price; a model). */
export const MONTHS_PAID_PER_YEAR = 10;
/** Periods sold: 1–9 months, 1–3 years (a model within the documented renewal ranges). */
const MONTHS_SOLD = 9;
const YEARS_SOLD = 3;

const productInfoSchema = z.object({
  id: z.string().min(1).max(64),
  cloud_service_type: z.string().min(1).max(400),
  resource_type: z.string().min(1).max(400),
  resource_spec: z.string().min(1).max(400),
  region: z.string().min(1).max(64),
  available_zone: z.string().max(64).optional(),
  resource_size: z.number().int().min(1).optional(),
  size_measure_id: z.number().int().optional(),
  period_type: z.number().int(),
  period_num: z.number().int().min(1),
  subscription_num: z.number().int().min(1),
  fee_installment_mode: z.string().optional(),
});
export const rateRequestSchema = z.object({
  project_id: z.string().min(1).max(64),
  product_infos: z.array(productInfoSchema).min(1).max(PRODUCT_INFOS_MAX),
});
export type RateRequest = z.infer<typeof rateRequestSchema>;
type ProductInfo = z.infer<typeof productInfoSchema>;

/** A failure of the inquiry, with the documented code where there is one. */
export class RateError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Discount rates per tenant domain id (control plane): 0.9 means 10 % off the list price. */
const discounts = new WeakMap<object, Map<string, number>>();

export function setDiscount(model: object, domainId: string, rate: number | undefined): void {
  const byTenant = discounts.get(model) ?? new Map<string, number>();
  discounts.set(model, byTenant);
  if (rate === undefined || rate >= 1) byTenant.delete(domainId);
  else byTenant.set(domainId, rate);
}

export function discountOf(model: object, domainId: string): number | undefined {
  return discounts.get(model)?.get(domainId);
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Months one period stands for; a period the product is not sold for is CBC.30050008 (documented code). */
function monthsOf(p: ProductInfo): number {
  if (p.period_type === 2 && p.period_num <= MONTHS_SOLD) return p.period_num;
  if (p.period_type === 3 && p.period_num <= YEARS_SOLD) return MONTHS_PAID_PER_YEAR * p.period_num;
  throw new RateError(
    400,
    'CBC.30050008',
    `The period type or number of periods for the resource does not exist: product ${p.id} period_type ${p.period_type} period_num ${p.period_num}`,
  );
}

/** The list price of one product info (all its subscriptions, the whole period). */
function listPrice(p: ProductInfo): number {
  if (p.cloud_service_type !== KOOPHONE_SERVICE_TYPE)
    throw new RateError(400, 'CBC.3006', `Unsupported cloud service type: ${p.cloud_service_type}`);
  const sku = findSku(p.region, p.resource_spec);
  const table = MONTHLY_LIST_PRICE[p.resource_spec];
  const monthly = table?.[p.resource_size ?? 0];
  if (p.resource_type !== KOOPHONE_RESOURCE_TYPE || !sku || !table || monthly === undefined) {
    // The reference says an unknown product is an error without naming the code; CBC.0100 is inferred.
    throw new RateError(
      400,
      'CBC.0100',
      `Invalid parameter: product ${p.id}: no yearly/monthly product ${p.resource_type} ${p.resource_spec} ` +
        `with ${p.resource_size ?? '(no)'} Mbit/s in ${p.region}`,
    );
  }
  if (p.size_measure_id !== undefined && p.size_measure_id !== MBITS_MEASURE)
    throw new RateError(400, 'CBC.0100', `Invalid parameter: product ${p.id}: size_measure_id must be 15 (Mbit/s)`);
  return cents(monthly * monthsOf(p) * p.subscription_num);
}

/** Answers an inquiry: the official website (list) price, and the tenant's discount when it has one. */
export function rateOnPeriod(model: object, caller: Caller, body: unknown) {
  const parsed = rateRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RateError(400, 'CBC.0100', `Invalid parameter: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  const req = parsed.data;
  if (new Set(req.product_infos.map((p) => p.id)).size !== req.product_infos.length)
    throw new RateError(400, 'CBC.0100', 'Invalid parameter: product_infos: ids must be unique in one inquiry');
  const priced = req.product_infos.map((p) => ({ p, amount: listPrice(p) }));
  const total = cents(priced.reduce((sum, x) => sum + x.amount, 0));
  const rate = discountOf(model, caller.tenant.domainId);
  const result = {
    official_website_rating_result: {
      official_website_amount: total,
      measure_id: YUAN_MEASURE,
      product_rating_results: priced.map(({ p, amount }) => ({
        id: p.id,
        product_id: `${p.resource_spec}.${p.resource_size ?? 0}`,
        official_website_amount: amount,
        measure_id: YUAN_MEASURE,
      })),
    },
    optional_discount_rating_results:
      rate === undefined
        ? []
        : [
            {
              discount_id: `discount-${caller.tenant.domainId.slice(0, 8)}`,
              amount: cents(total * rate),
              official_website_amount: total,
              discount_amount: cents(total - cents(total * rate)),
              measure_id: YUAN_MEASURE,
              discount_type: 0,
              discount_name: 'commercial discount',
              best_offer: 1,
              product_rating_results: priced.map(({ p, amount }) => ({
                id: p.id,
                product_id: `${p.resource_spec}.${p.resource_size ?? 0}`,
                amount: cents(amount * rate),
                official_website_amount: amount,
                discount_amount: cents(amount - cents(amount * rate)),
                measure_id: YUAN_MEASURE,
              })),
            },
          ],
    currency: 'CNY',
  };
  return result;
}
