/**
 * The KooPhone purchase guards as plain functions (no @pulumi/policy import), so they are unit-tested with the
 * repository and wired into the CrossGuard pack by index.ts. They see both the dynamic resource types
 * (`pulumi-nodejs:dynamic/koophone:Instance`) and the native ones (`koophone:index:Instance`).
 */

export type KooPhoneKind = 'Instance' | 'InstanceGroup' | 'PhoneReset';

/** The resource kind behind a type token, for both providers; undefined for anything else. */
export function kooPhoneKind(type: string): KooPhoneKind | undefined {
  const match = /^(?:koophone:index|pulumi-nodejs:dynamic\/koophone):(Instance|InstanceGroup|PhoneReset)$/.exec(type);
  return match ? (match[1] as KooPhoneKind) : undefined;
}

/** A resource as a policy sees it: its type, name, URN and inputs (secrets unwrapped by the analyzer). */
export interface PolicyResource {
  type: string;
  name: string;
  urn: string;
  props: Record<string, unknown>;
}

/** The pack's configuration, one property bag per policy (names are part of the pack's interface). */
export interface PackConfig {
  allowedRegions?: string[];
  allowedSkus?: string[];
  maxPerGroup?: number;
  maxPerStack?: number;
  maxMonthlyAmount?: number;
  /** SKU → band size (Mbit/s) → list price of one phone-month; the default is the emulator's table. */
  monthlyListPrices?: Record<string, Record<string, number>>;
  currency?: string;
  protectedStacks?: string[];
}

/** The emulator's list prices (docs/api/billing.md "Prices"): override with the account's real ones. */
export const DEFAULT_MONTHLY_LIST_PRICES: Record<string, Record<string, number>> = {
  'kp.professional.xlarge.32g.2': { '4': 299, '6': 329 },
  'kp.professional.2xlarge.128g.2': { '4': 599, '8': 659 },
  'kp.enterprise.2xlarge.128g.2': { '4': 899, '8': 959 },
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Phones a purchasing resource holds: 1 for an Instance (unless adopted), `size` for a group. */
export function phonesOf(r: PolicyResource): number {
  const kind = kooPhoneKind(r.type);
  if (kind === 'Instance') return str(r.props.adoptInstanceId) ? 0 : 1;
  if (kind === 'InstanceGroup') return num(r.props.size) ?? 0;
  return 0;
}

/** koophone-allowed-regions */
export function regionViolations(r: PolicyResource, allowed: readonly string[] | undefined): string[] {
  const region = str(r.props.regionId);
  if (!allowed || phonesOf(r) === 0 || region === undefined || allowed.includes(region)) return [];
  return [`${r.name} buys phones in region "${region}", which is not allowed; allowed regions: ${allowed.join(', ')}`];
}

/** koophone-allowed-skus */
export function skuViolations(r: PolicyResource, allowed: readonly string[] | undefined): string[] {
  const sku = str(r.props.instanceSkuId);
  if (!allowed || phonesOf(r) === 0 || sku === undefined || allowed.includes(sku)) return [];
  return [`${r.name} buys SKU "${sku}", which is not allowed; allowed SKUs: ${allowed.join(', ')}`];
}

/** koophone-max-phones, per resource (maxPerGroup). */
export function groupSizeViolations(r: PolicyResource, maxPerGroup: number | undefined): string[] {
  if (maxPerGroup === undefined || kooPhoneKind(r.type) !== 'InstanceGroup') return [];
  const size = phonesOf(r);
  return size > maxPerGroup ? [`${r.name} has ${size} phones, more than maxPerGroup = ${maxPerGroup}`] : [];
}

/** koophone-max-phones, for the stack (maxPerStack). */
export function stackPhoneViolations(resources: readonly PolicyResource[], maxPerStack: number | undefined): string[] {
  if (maxPerStack === undefined) return [];
  const total = resources.reduce((sum, r) => sum + phonesOf(r), 0);
  return total > maxPerStack ? [`the stack declares ${total} phones, more than maxPerStack = ${maxPerStack}`] : [];
}

/** One month of a resource's phones at list price, or why it has no price. */
export function monthlyCostOf(
  r: PolicyResource,
  prices: Record<string, Record<string, number>> = DEFAULT_MONTHLY_LIST_PRICES,
): { amount: number } | { unknown: string } {
  const phones = phonesOf(r);
  if (phones === 0) return { amount: 0 };
  const sku = str(r.props.instanceSkuId) ?? '';
  const band = String(num(r.props.bandSize) ?? '');
  const price = prices[sku]?.[band];
  return price === undefined ? { unknown: `${sku} with ${band} Mbit/s` } : { amount: price * phones };
}

/** koophone-max-monthly-cost: the stack's phones for one month at list price. */
export function monthlyCostViolations(resources: readonly PolicyResource[], config: PackConfig): string[] {
  if (config.maxMonthlyAmount === undefined) return [];
  const currency = config.currency ?? 'CNY';
  let total = 0;
  const unknown: string[] = [];
  for (const r of resources) {
    const cost = monthlyCostOf(r, config.monthlyListPrices);
    if ('amount' in cost) total += cost.amount;
    else unknown.push(`${r.name} (${cost.unknown})`);
  }
  const out: string[] = [];
  if (unknown.length > 0)
    out.push(
      `no list price is configured for ${unknown.join(', ')}; add it to monthlyListPrices so the budget can be checked`,
    );
  if (total > config.maxMonthlyAmount)
    out.push(
      `the stack's phones cost ${currency} ${total.toFixed(2)} a month at list price, more than maxMonthlyAmount = ${currency} ${config.maxMonthlyAmount.toFixed(2)}`,
    );
  return out;
}

/** The stack name of a URN (`urn:pulumi:<stack>::<project>::…`). */
export const stackOf = (urn: string) => urn.split('::')[0].replace(/^urn:pulumi:/, '');

/** koophone-protect-reset */
export function resetViolations(r: PolicyResource, protectedStacks: readonly string[] | undefined): string[] {
  if (kooPhoneKind(r.type) !== 'PhoneReset') return [];
  const out: string[] = [];
  if (r.props.confirmDataLoss !== true)
    out.push(`${r.name} resets phones (wiping their data) without confirmDataLoss: true`);
  const stack = stackOf(r.urn);
  if (protectedStacks?.includes(stack)) out.push(`${r.name} resets phones on the protected stack "${stack}"`);
  return out;
}

const CREDENTIAL_KEYS = ['password', 'accessKey', 'secretKey', 'securityToken'];

/**
 * koophone-secret-credentials: credentials belong in secret stack config or the environment, never in a KooPhone
 * resource's or KooPhone provider's inputs (the analyzer unwraps secrets, so it cannot tell a secret input from a
 * plain one: any credential input is flagged; plain stack config is refused by the SDK itself).
 */
export function credentialViolations(r: PolicyResource): string[] {
  const isKooPhone = kooPhoneKind(r.type) !== undefined || r.type === 'pulumi:providers:koophone';
  if (!isKooPhone) return [];
  const found = CREDENTIAL_KEYS.filter(
    (k) => typeof r.props[k] === 'string' || typeof r.props[`koophone:${k}`] === 'string',
  );
  return found.length === 0
    ? []
    : [
        `${r.name} carries ${found.join(', ')} as an input; set credentials with \`pulumi config set --secret koophone:<key>\` or the environment instead`,
      ];
}
