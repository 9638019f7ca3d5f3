import { GENERATED_NOTE, codeBlock, page, table } from './markdown';

/**
 * docs/subscriptions.md: the "Subscriptions and renewals" guide — what the stack declares about a phone's
 * yearly/monthly subscription and the money rules behind renewals (provider/resources/billing/renewal.ts,
 * instance-billing.ts; API facts in docs/api/billing.md).
 */
export function subscriptionsPage(): string {
  return page([
    GENERATED_NOTE,
    '# Subscriptions and renewals',
    'Every phone an `Instance` or an `InstanceGroup` buys is a yearly/monthly subscription. A subscription that runs out gets the phone ' +
      'frozen and then released — the phone and everything on it is gone. The KooPhone API cannot change a ' +
      'subscription; Huawei Cloud\'s billing API (BSS, "Customer Operation Capabilities") can, and the provider uses it ' +
      'with the same IAM token or AK/SK signature. What is documented and what is inferred about those calls is in ' +
      '[the billing API notes](api/billing.md).',
    '## What the stack declares and reads back',
    table(
      ['Property', 'Kind', 'What it does'],
      [
        ['`charge.autoRenew`', 'input', 'Changed on the existing subscription (auto-renew on/off), never by buying a new phone.'],
        ['`renewBeforeDays`', 'input', '`pulumi up` renews the phone by its period when it expires within that many days.'],
        ['`expirePolicy`', 'input', 'At expiry without renewal: `release` (frozen, then released) or `toPayPerUse`. Changed in place.'],
        ['`expireTime`', 'output', 'When the subscription ends (UTC), as the billing API reports it.'],
        ['`autoRenew`', 'output', 'Auto-renew as the billing system reports it: a Billing Center change is drift from `charge.autoRenew`.'],
        ['`expiryAction`', 'output', 'What the billing system will do at expiry: `renew`, `toPayPerUse` or `release`; drift from `expirePolicy`.'],
        ['`subscriptionStatus`', 'output', '`active`, `frozen`, `grace`, `expired`, … from the billing API.'],
      ],
    ),
    'The outputs are read on create, refresh and update (one billing query per 50 phones, shared by all resources of a ' +
      'run). `pulumi preview --refresh --expect-no-changes` therefore fails when someone changed auto-renew or the ' +
      'expiry policy in the Billing Center, and `pulumi up` sets them back. `charge.periodType`, `charge.periodNum` and ' +
      '`charge.autoPay` cannot be changed on a bought subscription: a change is recorded, with a warning, for a phone ' +
      'bought later.',
    codeBlock(
      'typescript',
      [
        "const phone = new koophone.Instance('support-1', {",
        "  os: 'AOSP11',",
        "  instanceSkuId: 'kp.professional.xlarge.32g.2',",
        '  bandSize: 4,',
        "  regionId: 'cn-north-4',",
        "  charge: { periodType: 'month', periodNum: 1, autoRenew: false },",
        '  renewBeforeDays: 7,          // `pulumi up` renews for 1 month once the phone expires within 7 days',
        "  expirePolicy: 'release',     // if nobody renews: frozen at expiry, released after the grace period",
        '});',
      ].join('\n'),
    ),
    '## Money rules',
    [
      '1. **A renewal is paid only after a look.** Preview reads the live expiry of every phone with `renewBeforeDays` and ' +
        'says what `up` will buy, beside the resource: `will renew 1 phone for 1 month (phone … expires …, within ' +
        'renewBeforeDays: 7; paid from the account balance)`. `up` reads the expiry again right before it sends the ' +
        'renewal: a phone renewed in the meantime (by auto-renew, the Billing Center or another run) is not renewed again.',
      '2. **A renewal is never sent twice blindly.** The billing API has no idempotency key. When a renewal\'s answer is ' +
        'lost (timeout, dropped connection, 5xx), the provider does not resend it: it reads the expiry again (three looks, ' +
        'one poll interval apart) and counts a moved expiry as done. If the expiry has not moved, `up` fails saying the ' +
        'renewal may or may not have been paid; check the Billing Center (Orders). The next `up` looks at the expiry ' +
        'again before deciding.',
      '3. **One period per phone per `up`.** A renewal adds `charge.periodNum` months or years (`charge.periodType`) to ' +
        'the current expiry, never more. With `renewBeforeDays` longer than one period, each `up` renews one period ' +
        'until the expiry is outside the window (and `preview --expect-no-changes` reports the pending renewal until then).',
      '4. **Paid at once from the account balance** (`is_auto_pay: 1`): no unpaid orders wait in the Billing Center. A ' +
        'balance too low fails the update (`CBC.99005003`) and nothing is charged.',
      '5. **Nothing else costs money here.** Auto-renew on/off and the expiry policy are free changes; `getSubscriptions` ' +
        'and refresh only read.',
      '6. **Auto-renew is the billing system\'s own renewal**: with `charge.autoRenew: true` Huawei Cloud charges the ' +
        'balance from 7 days before expiry, daily until it succeeds. `renewBeforeDays` is for phones whose renewal you ' +
        'want in the plan and in review (GitOps) instead.',
    ].join('\n'),
    '## At expiry',
    [
      '- **Auto-renew on** (`expiryAction: renew`): renewed by the billing system, as long as the balance pays.',
      '- **`expirePolicy: toPayPerUse`**: the phone becomes pay-per-use (`billingMode` `0`) and keeps running, billed by ' +
        'use; it no longer has a subscription, and a pay-per-use phone cannot be deleted through the API (see ' +
        '[Instance](instance.md)). It cannot be combined with `charge.autoRenew: true` (preview refuses it).',
      '- **Otherwise** (`expiryAction: release`): the phone is frozen at expiry (`frozenStatus` 1, `subscriptionStatus` ' +
        '`frozen`) and released after the grace period (per site; the emulator uses 15 days). A renewal during the grace ' +
        'period counts from the old expiry and thaws the phone. Once released, `pulumi refresh` drops the phone from the ' +
        'stack and the next `pulumi up` buys a new one — with none of the old phone\'s data.',
    ].join('\n'),
    '## InstanceGroup',
    'An `InstanceGroup` declares the same inputs for all its members — `charge.autoRenew`, `renewBeforeDays`, ' +
      '`expirePolicy` — and reports each member\'s subscription in `instances[i]` (`expireTime`, ' +
      '`subscriptionStatus`, `expiryAction` — `renew` when the billing system auto-renews it, so a member has no ' +
      '`autoRenew` of its own —; absent for a member without one) and the soonest expiry of the group in ' +
      '`earliestExpireTime`. A member whose auto-renew or expiry action was changed in the Billing Center is drift: ' +
      '`pulumi up` sets back that member only. Nothing about a subscription ever replaces a phone.',
    codeBlock(
      'typescript',
      [
        "const fleet = new koophone.InstanceGroup('testers', {",
        '  size: 300,',
        "  os: 'AOSP11',",
        "  instanceSkuId: 'kp.professional.xlarge.32g.2',",
        '  bandSize: 4,',
        "  regionId: 'cn-north-4',",
        "  charge: { periodType: 'month', periodNum: 1, autoRenew: false },",
        '  renewBeforeDays: 7,      // preview: "will renew 12 phones for 1 month (…)"; up renews them, 10 per call',
        "  expirePolicy: 'release',",
        '});',
        'export const nextExpiry = fleet.earliestExpireTime;',
      ].join('\n'),
    ),
    table(
      ['What', 'Billing calls'],
      [
        [
          'Read the members\' subscriptions (create, update, refresh)',
          'One query per order the group recorded per 500 phones (`order_id`, `limit` 500): a 1,000-phone group ' +
            'bought in one order is 2 calls. Members no order lists (an order found again by name after an ' +
            'interruption has no id; a member without a subscription) are read by id, 50 per call.',
        ],
        ['Preview with `renewBeforeDays`', 'The same read, live, at every diff.'],
        ['Auto-renew drift', 'One call per member that differs.'],
        ['`expirePolicy`', 'One call per 100 members that differ; refused ids are listed in the error with the reason.'],
        [
          '`renewBeforeDays` at `up`',
          'A fresh read, then one renewal call per 10 due members (each its own order, paid from the balance), ' +
            'and a read afterwards.',
        ],
      ],
    ),
    'The money rules above hold per member. A renewal call whose answer is lost is never re-sent: the provider looks ' +
      'at those members\' expiry again (three looks, one poll interval apart); members whose expiry moved count as ' +
      'renewed, and if any did not move the update fails naming them ("not sent again; check the Huawei Cloud Billing ' +
      'Center (Orders)"). The next `up` reads every expiry again before it renews anything. A refused call (e.g. ' +
      '`CBC.99005003`, balance too low) stops the remaining calls; the members already renewed stay renewed. ' +
      'Progress shows beside the group: `renewed: 40/120`. Members bought later by the group get the declared ' +
      '`expirePolicy` in the same `up`.',
    '## Reports and scheduled checks',
    '`getSubscriptions({ expiringWithinDays })` lists the account\'s phones expiring soon, soonest first (see ' +
      '[getSubscriptions](get-subscriptions.md)). [examples/drift-detection](../examples/drift-detection/README.md) runs ' +
      '`pulumi preview --refresh --expect-no-changes` on a schedule, so a Billing Center change of auto-renew fails it ' +
      '(an `Instance` or a group member), and can also fail when a phone expires within a configured number of days.',
    '## Endpoint',
    'Billing calls go to `koophone:billingEndpoint` (default `https://bss.myhuaweicloud.com`; the international site is ' +
      '`https://bss-intl.myhuaweicloud.com`). When `koophone:endpoint` is set (a proxy, the emulator) and ' +
      '`billingEndpoint` is not, billing calls go to `koophone:endpoint` too. IAM users need the billing permissions ' +
      '`billing:subscription:view` (reads) and `billing:subscription:update` / `renew` (changes).',
  ]);
}
