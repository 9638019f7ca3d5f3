import * as koophone from '../../../sdk';

// Pick the SKU from the live catalogue instead of hard-coding ids.
const catalogue = koophone.getSkus();
const sku = catalogue.then((c) => {
  const match = c.skus.find((s) => s.regionId === 'cn-north-4' && s.type === 'PROFESSIONAL' && s.chargeMode !== 1);
  if (!match) throw new Error('no yearly/monthly PROFESSIONAL SKU is sold in cn-north-4');
  return match;
});

// A monthly subscription. `protect` keeps a typo from unsubscribing a phone someone uses.
export const phone = new koophone.Instance(
  'support-1',
  {
    namePrefix: 'support',
    os: 'AOSP11',
    instanceSkuId: sku.then((s) => s.instanceSkuId),
    bandSkuId: catalogue.then((c) => c.bandSkuId),
    bandSize: sku.then((s) => s.bandSizes[0]),
    regionId: 'cn-north-4',
    charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: true },
  },
  { protect: true },
);

// A pay-per-use phone bought in the console: adopt it, and never let `pulumi destroy` try to delete it
// (the API refuses with KOOPHONE.API.5001).
export const legacy = new koophone.Instance(
  'legacy',
  {
    adoptInstanceId: 'a44uhlf7',
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
  },
  { retainOnDelete: true },
);

export const phoneName = phone.instanceName;
