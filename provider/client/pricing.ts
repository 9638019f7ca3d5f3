import {
  PRODUCT_INFOS_MAX,
  rateOnPeriodRequestSchema,
  rateOnPeriodResponseSchema,
  type PeriodProductInfo,
} from '../schemas/wire/pricing';
import { chunk } from '../common/chunk';
import { defineOperation } from './operation';
import type { Transport } from './transport';

/** Price inquiry: read-only, so a lost answer may be asked again. */
export const rateOnPeriodOp = defineOperation({
  name: 'bss-rate',
  method: 'POST',
  path: '/v2/bills/ratings/period-resources/subscribe-rate',
  replaySafe: true,
  envelope: 'bss',
  body: rateOnPeriodRequestSchema,
  response: rateOnPeriodResponseSchema,
});

/** One product's price: list (official website) and, when the account has one, the best discounted amount. */
export interface ProductPrice {
  id: string;
  listAmount: number;
  discountedAmount?: number;
}

export interface RatedProducts {
  currency: string;
  products: ProductPrice[];
}

/** Prices of yearly/monthly products before buying them (BSS ListRateOnPeriodDetail, docs/api/billing.md). */
export class PricingApi {
  constructor(private readonly transport: Transport) {}

  /** Rates `products` in calls of ≤ 100 product infos; a product the answer leaves out is absent from the result. */
  async rateOnPeriod(projectId: string, products: readonly PeriodProductInfo[]): Promise<RatedProducts> {
    const out: ProductPrice[] = [];
    let currency = 'CNY';
    for (const part of chunk(products, PRODUCT_INFOS_MAX)) {
      const { data } = await this.transport.call(rateOnPeriodOp, {
        body: { project_id: projectId, product_infos: part },
      });
      currency = data.currency ?? currency;
      const best =
        data.optional_discount_rating_results.find((d) => d.best_offer === 1) ??
        data.optional_discount_rating_results[0];
      const listed = data.official_website_rating_result.product_rating_results ?? [];
      const discounted = new Map((best?.product_rating_results ?? []).map((r) => [r.id, r.amount ?? undefined]));
      // One product in the call: the total is its price even when the per-product list is missing.
      if (listed.length === 0 && part.length === 1) {
        out.push({
          id: part[0].id,
          listAmount: Number(data.official_website_rating_result.official_website_amount),
          discountedAmount: best?.amount ?? undefined,
        });
        continue;
      }
      for (const r of listed) {
        if (r.official_website_amount === undefined || r.official_website_amount === null) continue;
        out.push({ id: r.id, listAmount: r.official_website_amount, discountedAmount: discounted.get(r.id) });
      }
    }
    return { currency, products: out };
  }
}
