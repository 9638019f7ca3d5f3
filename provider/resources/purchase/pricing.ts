import type { KooPhoneClient } from '../../client';
import {
  KOOPHONE_RESOURCE_TYPE,
  KOOPHONE_SERVICE_TYPE,
  SIZE_MEASURE_MBITS,
  type PeriodProductInfo,
} from '../../schemas/wire/pricing';
import { describePeriod, type RenewalPeriod } from '../billing/renewal';

/**
 * What phones cost before they are bought (BSS price inquiry, docs/api/billing.md "Prices"), and how the cost is
 * said beside a resource: `will buy 40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month): CNY 11,960.00 at
 * list price`.
 */

/** What a price depends on: the SKU, its bandwidth, the region and the period. */
export interface PricedSpec {
  instanceSkuId: string;
  bandSize: number;
  regionId: string;
  charge: RenewalPeriod;
}

export interface Quote {
  currency: string;
  phones: number;
  /** At list ("official website") price, for all the phones and the whole period. */
  listAmount: number;
  /** After the account's best discount, when the billing system reports one. */
  discountedAmount?: number;
}

/** One product info for `count` phones of `spec` (codes inferred: docs/api/billing.md). */
export function productInfo(spec: PricedSpec, count: number, id = 'phones'): PeriodProductInfo {
  return {
    id,
    cloud_service_type: KOOPHONE_SERVICE_TYPE,
    resource_type: KOOPHONE_RESOURCE_TYPE,
    resource_spec: spec.instanceSkuId,
    region: spec.regionId,
    resource_size: spec.bandSize,
    size_measure_id: SIZE_MEASURE_MBITS,
    period_type: spec.charge.periodType === 'year' ? 3 : 2,
    period_num: spec.charge.periodNum,
    subscription_num: count,
  };
}

/** The IAM project an inquiry is for: `koophone:projectId`, else the project named after `koophone:region`. */
export async function pricingProjectId(
  client: KooPhoneClient,
  config: { projectId?: string; region?: string },
): Promise<string> {
  if (config.projectId) return config.projectId;
  const projects = await client.listProjects();
  const found = projects.find((p) => p.name === config.region) ?? (projects.length === 1 ? projects[0] : undefined);
  if (!found) throw new Error(`no IAM project named "${config.region ?? ''}"; set koophone:projectId`);
  return found.id;
}

/** Prices `count` phones of `spec` with one inquiry. */
export async function quotePhones(
  client: KooPhoneClient,
  projectId: string,
  spec: PricedSpec,
  count: number,
): Promise<Quote> {
  const rated = await client.pricing.rateOnPeriod(projectId, [productInfo(spec, count)]);
  const [product] = rated.products;
  if (!product) throw new Error('the price inquiry answered without a price for the phones');
  return {
    currency: rated.currency,
    phones: count,
    listAmount: product.listAmount,
    discountedAmount: product.discountedAmount,
  };
}

/** `CNY 11,960.00`. */
export function formatMoney(currency: string, amount: number): string {
  return `${currency} ${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `40 phones (kp.professional.xlarge.32g.2 + 4 Mbit/s, 1 month)`. */
export function describePhones(count: number, spec: PricedSpec): string {
  const phones = `${count} phone${count === 1 ? '' : 's'}`;
  return `${phones} (${spec.instanceSkuId} + ${spec.bandSize} Mbit/s, ${describePeriod(spec.charge)})`;
}

/** `CNY 11,960.00 at list price` (and the discounted amount when there is one). */
export function describeQuote(quote: Quote): string {
  const list = `${formatMoney(quote.currency, quote.listAmount)} at list price`;
  return quote.discountedAmount !== undefined && quote.discountedAmount < quote.listAmount
    ? `${list}, ${formatMoney(quote.currency, quote.discountedAmount)} after the account's discount`
    : list;
}
