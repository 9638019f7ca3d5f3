import { invalidParameter } from './error-codes';
import type { QueryParams } from './instance-ops';
import { SKU_CATALOGUE, type SkuCatalogue } from './sku-catalogue';

/** GET /v1/instances/sku?type=0 (docs/api/endpoints.md#sku): `type` is required and only "0" (general cloud phones) exists. */
export function listSkus(query: QueryParams): SkuCatalogue {
  for (const name of Object.keys(query)) {
    if (name !== 'type') throw invalidParameter(`${name}: unknown query parameter`);
  }
  if (query.type !== '0') throw invalidParameter('type: must be 0');
  return SKU_CATALOGUE;
}
