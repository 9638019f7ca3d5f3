import type { PageNotes } from './page-notes-shape';

/** Reference-page prose for the price data function (docs/api/billing.md "Prices"; guide: docs/costs-and-budgets.md). */
export const QUOTE_PAGE_NOTES: Record<string, PageNotes> = {
  getQuote: {
    example: 'get-quote.ts',
    sections: [
      {
        heading: 'Notes',
        lines: [
          "- One price inquiry (`POST /v2/bills/ratings/period-resources/subscribe-rate`) to Huawei Cloud's billing API: " +
            'the list price, and the discounted price when the account has a discount. Nothing is bought.',
          '- The same figure `pulumi preview` shows beside an `Instance` or `InstanceGroup` it would buy; budgets ' +
            '(`koophone:maxOrderAmount`) compare the list price. See [Costs and budgets](costs-and-budgets.md).',
          '- The product codes KooPhone uses in the billing system are inferred (docs/api/billing.md): if the inquiry ' +
            'fails against the real cloud, the error says so and nothing else is affected.',
        ],
      },
    ],
    errorCodes: [],
  },
};
