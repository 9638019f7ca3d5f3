import * as koophone from '../../../sdk';

// What 40 phones cost for a month before buying them: the figure `pulumi preview` shows beside an InstanceGroup.
export const fleetPrice = koophone
  .getQuote({ instanceSkuId: 'kp.professional.xlarge.32g.2', bandSize: 4, regionId: 'cn-north-4', count: 40 })
  .then((q) => q.description);
