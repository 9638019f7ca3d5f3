import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { SkuCatalogue } from '../../client';
import { UNKNOWN_VALUE } from '../core/check-inputs';
import { describeError } from '../core/partial-state';

/** What a phone is bought as: the spec inputs shared by Instance and InstanceGroup. */
export interface PhoneSpec {
  os: string;
  instanceSkuId: string;
  bandSkuId: string;
  bandSize: number;
  regionId: string;
  network: string;
}

/** Spec fields whose change means buying a phone; an unchanged spec buys nothing and is not re-checked. */
export const SPEC_FIELDS = ['os', 'instanceSkuId', 'bandSkuId', 'bandSize', 'regionId', 'network'] as const;

const list = (values: readonly (string | number)[]) =>
  values.length > 0 ? values.map((v) => `"${v}"`).join(', ') : 'none';
const known = (value: unknown) => value !== undefined && value !== UNKNOWN_VALUE;

/**
 * Checks a spec against the SKU catalogue exactly as create would (region, SKU, yearly/monthly sale, bandwidth
 * SKU and size, an enabled pool for the OS and network), so that a phone the API would refuse is refused at
 * preview, before any phone of the deployment is bought. Fields still unknown at preview are skipped.
 */
export function specFailures(
  spec: Partial<Record<keyof PhoneSpec, unknown>>,
  catalogue: SkuCatalogue,
): dynamic.CheckFailure[] {
  const failures: dynamic.CheckFailure[] = [];
  const fail = (property: keyof PhoneSpec, reason: string) => failures.push({ property, reason });

  if (known(spec.bandSkuId) && spec.bandSkuId !== catalogue.bandInfo.cbcSkuId) {
    fail(
      'bandSkuId',
      `"${String(spec.bandSkuId)}" is not the bandwidth SKU the catalogue sells; use "${catalogue.bandInfo.cbcSkuId}" (or leave it unset)`,
    );
  }
  if (!known(spec.regionId)) return failures;
  const regions = catalogue.skuSpecResponseList;
  const region = regions.find((r) => r.regionId === spec.regionId);
  if (!region) {
    fail(
      'regionId',
      `"${String(spec.regionId)}" is not a region the SKU catalogue sells phones in; it sells in ${list(regions.map((r) => r.regionId))}`,
    );
    return failures;
  }
  if (!known(spec.instanceSkuId)) return failures;
  const buyable = region.skuResponses.filter((s) => s.chargeMode !== 1);
  const sku = region.skuResponses.find((s) => s.cbcSkuId === spec.instanceSkuId);
  if (!sku || sku.chargeMode === 1) {
    const why = sku ? 'is sold pay-per-use only, which the API cannot buy' : `is not sold in ${region.regionId}`;
    fail(
      'instanceSkuId',
      `"${String(spec.instanceSkuId)}" ${why}; yearly/monthly SKUs there: ${list(buyable.map((s) => s.cbcSkuId))}`,
    );
    return failures;
  }
  const bandSizes = sku.bandSize
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n));
  if (known(spec.bandSize) && !bandSizes.includes(Number(spec.bandSize))) {
    fail(
      'bandSize',
      `${String(spec.bandSize)} Mbit/s is not sold with ${sku.cbcSkuId}; choose one of ${bandSizes.join(', ')}`,
    );
  }
  if (known(spec.os) && known(spec.network)) {
    const pools = sku.poolInfo?.aosp ?? [];
    const enabled = pools.filter((p) => p.enable !== false && (p.network ?? 'EIP') === spec.network);
    if (!enabled.some((p) => p.version === spec.os)) {
      const offered = [...new Set(enabled.map((p) => p.version))];
      const field = pools.some((p) => p.version === spec.os && p.enable !== false) ? 'network' : 'os';
      fail(
        field,
        `${sku.cbcSkuId} in ${region.regionId} has no enabled ${String(spec.os)} pool on the ${String(spec.network)} network; ` +
          `available there: ${list(offered)}` +
          (field === 'network'
            ? ` (${String(spec.os)} is available on ${list(pools.filter((p) => p.version === spec.os && p.enable !== false).map((p) => p.network ?? 'EIP'))})`
            : ''),
      );
    }
  }
  return failures;
}

/**
 * The texts batch-query may report as a phone's `instance_sku` for a SKU of a region: the docs say spec text, not the
 * SKU id. A SKU the catalogue does not list is only its own id.
 */
export function skuTexts(catalogue: SkuCatalogue, regionId: string | undefined, instanceSkuId: string): string[] {
  const region = catalogue.skuSpecResponseList.find((r) => r.regionId === regionId);
  const sku = region?.skuResponses.find((s) => s.cbcSkuId === instanceSkuId);
  if (!sku) return [instanceSkuId];
  return [sku.cbcSkuId, sku.specDescEn, sku.specDesc, sku.name].filter((t): t is string => !!t);
}

/** The SKU id a phone's reported `instance_sku` names, when exactly one SKU of its region is reported so. */
export function reportedSkuId(
  catalogue: SkuCatalogue,
  regionId: string | undefined,
  reported: string | undefined,
): string | undefined {
  if (!reported) return undefined;
  const region = catalogue.skuSpecResponseList.find((r) => r.regionId === regionId);
  const matches = (region?.skuResponses ?? []).filter((s) =>
    skuTexts(catalogue, regionId, s.cbcSkuId).includes(reported),
  );
  return matches.length === 1 ? matches[0].cbcSkuId : undefined;
}

/** True when `news` would buy a phone with a spec that `olds` did not already have (a create or a replacement). */
export function buysNewSpec(olds: Record<string, unknown> | undefined, news: Record<string, unknown>): boolean {
  if (!olds || Object.keys(olds).length === 0) return true;
  return SPEC_FIELDS.some((k) => olds[k] !== news[k]);
}

/**
 * The catalogue check as `check()` runs it: one cached SKU call per deployment. A catalogue that cannot be read
 * fails the check too — nothing may be bought before the spec is known to be sold.
 */
export async function checkSpecAgainstCatalogue(
  spec: Partial<Record<keyof PhoneSpec, unknown>>,
  catalogue: () => Promise<SkuCatalogue>,
): Promise<dynamic.CheckFailure[]> {
  let loaded: SkuCatalogue;
  try {
    loaded = await catalogue();
  } catch (err) {
    return [
      {
        property: 'instanceSkuId',
        reason: `could not read the SKU catalogue to check this spec before buying (${describeError(err)}); nothing was bought. Fix the cause and run the command again`,
      },
    ];
  }
  return specFailures(spec, loaded);
}
