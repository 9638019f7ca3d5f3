import * as koophone from '../../../sdk';

// Every region and SKU the account can buy, with the bandwidth SKU to buy them with.
export const catalogue = koophone.getSkus().then((c) => ({
  bandSkuId: c.bandSkuId,
  buyable: c.skus
    .filter((s) => s.chargeMode !== 1) // chargeMode 1 = pay-per-use only: the API cannot buy it
    .map((s) => ({
      region: s.regionId,
      sku: s.instanceSkuId,
      bandSizes: s.bandSizes,
      images: s.pools.filter((p) => p.enabled).map((p) => p.os),
    })),
}));
