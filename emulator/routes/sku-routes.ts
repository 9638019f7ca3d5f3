import { listSkus } from '../model/sku-ops';
import type { KooPhoneOperation } from './koophone-operation';

/** docs/api/endpoints.md#sku: the saleable SKU catalogue. */
export function skuOperations(): KooPhoneOperation[] {
  return [
    {
      op: 'sku',
      method: 'GET',
      url: '/v1/instances/sku',
      requestId: 'optional',
      body: 'none',
      successMessage: 'return sku messages success',
      run: ({ query }) => listSkus(query),
    },
  ];
}
