import type { InstanceInputs } from '../../schemas/resources/instance';
import { priceOf, priceSuffix, type MoneyEnv } from './money-guard';
import { getClient, getProviderConfig } from '../core/runtime';

/** The money checks' view of the provider runtime: its client and its stack config. */
export const moneyEnv: MoneyEnv = { client: getClient, config: getProviderConfig };

/**
 * `: CNY 299.00 at list price` for renewing `count` phones of this spec by one declared period. Priced as a new
 * subscription of the same spec and period (inferred: docs/api/billing.md "Prices").
 */
export async function renewalPrice(
  spec: Pick<InstanceInputs, 'instanceSkuId' | 'bandSize' | 'regionId' | 'charge'>,
  count: number,
): Promise<string> {
  return priceSuffix(await priceOf(moneyEnv, spec, count));
}
