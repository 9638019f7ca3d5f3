import * as koophone from '../../../sdk';

// Phones whose subscription ends within 14 days, soonest first: a report for whoever pays the bills.
export const expiringSoon = koophone
  .getSubscriptions({ expiringWithinDays: 14 })
  .then((r) =>
    r.subscriptions.map(
      (s) => `${s.instanceName || s.instanceId}: ${s.expireTime} (${s.daysLeft} days, at expiry: ${s.expiryAction})`,
    ),
  );
