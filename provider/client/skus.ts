import { skuQuerySchema, skuResponseSchema } from '../schemas/wire/skus';
import { defineOperation } from './operation';

/** GET /v1/instances/sku?type=0 (docs/api/endpoints.md#sku). */
export const listSkusOp = defineOperation({
  name: 'sku',
  method: 'GET',
  path: '/v1/instances/sku',
  replaySafe: true,
  envelope: 'koophone',
  query: skuQuerySchema,
  response: skuResponseSchema,
});
