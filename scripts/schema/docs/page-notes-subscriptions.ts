import type { PageNotes } from './page-notes-shape';

/** Reference-page prose for the subscription data function (docs/api/billing.md; guide: docs/subscriptions.md). */
export const SUBSCRIPTION_PAGE_NOTES: Record<string, PageNotes> = {
  getSubscriptions: {
    example: 'get-subscriptions.ts',
    sections: [
      {
        heading: 'Notes',
        lines: [
          '- Without `instanceIds` it lists the account\'s phones first (100 per call) and asks Huawei Cloud\'s billing API ' +
            'only about the yearly/monthly ones, 50 per query: a billing query by expiry alone would also return the ' +
            'account\'s other cloud services. Pay-per-use phones have no subscription and are not listed.',
          '- Billing calls go to `koophone:billingEndpoint`, or to `koophone:endpoint` when that is set and ' +
            '`billingEndpoint` is not; see [Subscriptions and renewals](subscriptions.md).',
          '- Read-only: it never renews or changes anything. To renew declared phones, set `renewBeforeDays` on the `Instance`.',
          '- The result is a snapshot taken at `pulumi preview`/`up` time; `daysLeft` counts from the program\'s clock.',
        ],
      },
    ],
    // It lists the phones through the KooPhone API first: that listing's errors come first.
    errorCodes: ['KOOPHONE.API.1001', 'KOOPHONE.API.0004'],
  },
};
