import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { KooPhoneClient } from '../../client';
import { nameOfUrn } from '../../common/urn';
import { ORDER_COUNT_MAX } from '../../schemas/resources/instance-group';
import type { ProviderConfig } from '../../schemas/resources/provider-config';
import { UNKNOWN_VALUE } from '../core/check-inputs';
import { describeError } from '../core/partial-state';
import {
  describePhones,
  describeQuote,
  formatMoney,
  pricingProjectId,
  quotePhones,
  type PricedSpec,
  type Quote,
} from './pricing';
import { note, progressFor } from '../core/progress';

/**
 * The money checks of a plan (docs/costs-and-budgets.md), run in `check()` so that they hold in preview and in
 * `up --skip-preview` before any order: the cost said beside the resource, `koophone:maxOrderAmount` per order and
 * `koophone:maxPhonesPerUpdate` for the whole deployment. A price that cannot be read is a warning, unless a
 * budget needs it.
 */

export interface MoneyEnv {
  client: () => KooPhoneClient;
  config: () => ProviderConfig;
}

/** Resource URN → phones it buys in this deployment (this provider process), for maxPhonesPerUpdate. */
const plannedPhones = new Map<string, number>();
let projectId: Promise<string> | undefined;

const known = (v: unknown) => v !== undefined && v !== UNKNOWN_VALUE;

/** The inquiry's project id, looked up once per deployment (a failure is tried again next time). */
function projectIdFor(env: MoneyEnv): Promise<string> {
  if (!projectId) {
    const pending = pricingProjectId(env.client(), env.config());
    projectId = pending;
    pending.catch(() => {
      if (projectId === pending) projectId = undefined;
    });
  }
  return projectId;
}

/** The price of `count` phones of `spec`, or the reason it could not be read. */
export async function priceOf(
  env: MoneyEnv,
  spec: PricedSpec,
  count: number,
): Promise<{ quote: Quote } | { error: string }> {
  try {
    return { quote: await quotePhones(env.client(), await projectIdFor(env), spec, count) };
  } catch (err) {
    return { error: describeError(err) };
  }
}

/** `: CNY 299.00 at list price`, or `: price not available (…)`, for a plan line. */
export function priceSuffix(price: { quote: Quote } | { error: string }): string {
  return 'quote' in price ? `: ${describeQuote(price.quote)}` : `: price not available (${price.error})`;
}

export interface PlannedPurchase {
  urn: string | undefined;
  /** Phones this resource buys in this deployment: 1 for a new phone, the added members for a group. */
  phones: number;
  spec: Partial<Record<keyof PricedSpec, unknown>>;
  /** The input that decides the count (for the failure's property): `size` for a group. */
  countProperty?: string;
}

/**
 * Says the plan's cost beside the resource and applies the budgets. Returns check failures (budget exceeded, or a
 * price a budget needs could not be read); nothing has been bought when it fails.
 */
export async function guardPurchase(env: MoneyEnv, plan: PlannedPurchase): Promise<dynamic.CheckFailure[]> {
  const key = plan.urn ?? `(unnamed ${plannedPhones.size})`;
  const name = plan.urn ? nameOfUrn(plan.urn) : 'this resource';
  if (plan.phones <= 0 || !known(plan.phones)) {
    plannedPhones.delete(key);
    return [];
  }
  plannedPhones.set(key, plan.phones);
  const config = env.config();
  const failures: dynamic.CheckFailure[] = [];
  const maxPhones = config.maxPhonesPerUpdate;
  const total = [...plannedPhones.values()].reduce((a, b) => a + b, 0);
  if (maxPhones !== undefined && total > maxPhones) {
    const withOthers = total > plan.phones ? ` (${total} in this deployment with the other resources)` : '';
    failures.push({
      property: plan.countProperty ?? '',
      reason:
        `${name} would buy ${plan.phones} phone${plan.phones === 1 ? '' : 's'}${withOthers}, over the limit ` +
        `koophone:maxPhonesPerUpdate = ${maxPhones}. Nothing was bought; lower the count or raise the limit`,
    });
  }
  const { instanceSkuId, bandSize, regionId, charge } = plan.spec;
  if (![instanceSkuId, bandSize, regionId, charge].every(known)) return failures; // priced at apply time
  const spec = plan.spec as PricedSpec;
  const price = await priceOf(env, spec, plan.phones);
  note(plan.urn, `will buy ${describePhones(plan.phones, spec)}${priceSuffix(price)}`);
  const maxAmount = config.maxOrderAmount;
  if (maxAmount === undefined) {
    if ('error' in price)
      progressFor(plan.urn).warn(`could not read the price of ${describePhones(plan.phones, spec)}: ${price.error}`);
    return failures;
  }
  if ('error' in price) {
    failures.push({
      property: '',
      reason:
        `could not read the price of ${describePhones(plan.phones, spec)} (${price.error}), and koophone:maxOrderAmount ` +
        `= ${maxAmount} needs it. Nothing was bought; run the command again when the billing API answers`,
    });
    return failures;
  }
  // Orders hold at most ORDER_COUNT_MAX phones; the largest one is what the per-order budget must cover.
  const perOrder = Math.min(plan.phones, ORDER_COUNT_MAX);
  const orderAmount = (price.quote.listAmount * perOrder) / plan.phones;
  if (orderAmount > maxAmount) {
    failures.push({
      property: plan.countProperty ?? '',
      reason:
        `${name} would order ${describePhones(perOrder, spec)} for ${formatMoney(price.quote.currency, orderAmount)} at list price, ` +
        `over the limit koophone:maxOrderAmount = ${formatMoney(price.quote.currency, maxAmount)}. Nothing was bought; ` +
        'lower the count or raise the limit',
    });
  }
  return failures;
}

/** For tests: forget the deployment's plan and the cached project id. */
export function resetMoneyGuard(): void {
  plannedPhones.clear();
  projectId = undefined;
}
