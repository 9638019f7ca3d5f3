import { z } from 'zod';
import { envelope } from './common';

/** GET /v1/instances/sku?type=0 (docs/api/endpoints.md#sku): camelCase response. */

export const skuQuerySchema = z.object({ type: z.literal('0') });
export type SkuQuery = z.infer<typeof skuQuerySchema>;

/**
 * `poolInfo.aosp[].id` is an Integer in the SDK and the table but `"40"` in the example (docs/api/ambiguities.md#a9): accept both, keep a
 * string (an id, never computed with).
 */
const idText = z.union([z.string(), z.number()]).transform((v) => String(v));

export const skuPoolSchema = z.object({
  version: z.string(),
  resPoolId: z.string().nullish(),
  id: idText.nullish(),
  network: z.string().nullish(),
  enable: z.boolean().nullish(),
});
export type SkuPool = z.infer<typeof skuPoolSchema>;

export const instanceSkuSchema = z.object({
  /** `ENTERPRISE` / `PROFESSIONAL` (old SDK: `PERSONAL`). */
  type: z.string(),
  /** → create `instanceSkuId`. */
  cbcSkuId: z.string(),
  name: z.string().nullish(),
  calcSpec: z.string().nullish(),
  storageSpec: z.string().nullish(),
  specDesc: z.string().nullish(),
  specDescEn: z.string().nullish(),
  /** Allowed bandwidths as a comma list, e.g. "4,6" → create `bandSize` must be one of them. */
  bandSize: z.union([z.string(), z.number()]).transform((v) => String(v)),
  /** 0 yearly/monthly only, 1 pay-per-use only, 2 both. */
  chargeMode: z.number().int(),
  maxResolution: z.string().nullish(),
  /** SDK 3.1.207+: the spec's size step. */
  resourceSize: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .nullish(),
  poolInfo: z.object({ aosp: z.array(skuPoolSchema).default([]) }).nullish(),
  /** Example-only, undocumented (docs/api/ambiguities.md#a13). */
  nestInfo: z.array(z.record(z.string(), z.unknown())).nullish(),
});
export type InstanceSku = z.infer<typeof instanceSkuSchema>;

export const regionSkusSchema = z.object({ regionId: z.string(), skuResponses: z.array(instanceSkuSchema) });
export type RegionSkus = z.infer<typeof regionSkusSchema>;

export const skuCatalogueSchema = z.object({
  bandInfo: z.object({ cbcSkuId: z.string(), id: idText.nullish() }),
  skuSpecResponseList: z.array(regionSkusSchema),
});
export type SkuCatalogue = z.infer<typeof skuCatalogueSchema>;

export const skuResponseSchema = envelope(skuCatalogueSchema);
export type SkuResponse = z.infer<typeof skuResponseSchema>;
