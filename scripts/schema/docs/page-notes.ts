/**
 * The prose of each reference page that no schema can carry: lifecycle and billing caveats (docs/api/endpoints.md#lifecycle,
 * provider/resources/*.ts behaviour) and which error codes a user of the resource is likely to meet. Tables,
 * types, defaults and constraints come from the zod schemas; the error explanations from error-codes.ts.
 */

import { PHONE_PAGE_NOTES } from './page-notes-phones';
import { QUOTE_PAGE_NOTES } from './page-notes-quote';
import { SUBSCRIPTION_PAGE_NOTES } from './page-notes-subscriptions';
import type { PageNotes } from './page-notes-shape';

export const PAGE_NOTES: Record<string, PageNotes> = {
  ...PHONE_PAGE_NOTES,
  ...SUBSCRIPTION_PAGE_NOTES,
  ...QUOTE_PAGE_NOTES,
  Instance: {
    example: 'instance.ts',
    replaceNote:
      'A replacement unsubscribes the old phone first and then buys the new one (`deleteBeforeReplace`): two phones are ' +
      'never paid for at once, and a replacement of an adopted pay-per-use phone fails before anything is bought. ' +
      '`waitForReady` and `readyTimeoutSeconds` change in place.',
    sections: [
      {
        heading: 'Billing and lifecycle',
        lines: [
          '- **Every phone is a purchase.** `create` places a CBC order for a yearly/monthly subscription (`charge`); the ' +
            'API cannot buy pay-per-use phones. Neither the billing mode nor the spec of an existing phone can change, so ' +
            'changing the spec replaces (re-buys) the phone (billing settings change in place, see below). Consider `protect: true` on phones people use.',
          '- **Provisioning takes minutes.** A new phone reports `runningStatus` 4 (starting) until it runs (2). With ' +
            '`waitForReady` (default) `pulumi up` waits up to `readyTimeoutSeconds` (default 1800). If the wait times ' +
            'out, the phone stays in the stack (it was paid for) and the next `pulumi up` resumes waiting instead of ' +
            'buying again.',
          '- **Fleets: raise the engine\'s parallelism.** Each create waits for its phone to run, and the Pulumi engine ' +
            'runs at most 4 × CPU cores operations at once by default, so 20 phones on 2 cores provision in three waves. ' +
            'Use `pulumi up --parallel 64` (or `PULUMI_PARALLEL=64`): the provider shares its polling across all phones ' +
            '(at most four listings per poll interval and about 10 list calls a second; a phone is seen running within ' +
            'about a quarter interval), so 250 phones cost 250 orders plus a few listings per interval. For fleets, an ' +
            '`InstanceGroup` orders up to 1,500 phones in one call and holds one engine slot for all of them.',
          '- **Nothing is bought before every check has run.** `pulumi preview` checks each new or changed spec against ' +
            'the live SKU catalogue (one read-only SKU call per deployment): a region, SKU, `bandSize`, `bandSkuId`, ' +
            '`os` or `network` the catalogue does not sell fails preview with the field named and the values it sells, ' +
            'before any phone of the deployment is ordered. A phone whose spec is unchanged is not re-checked.',
          '- **A create is never blindly retried.** When a create call times out or its answer is lost, the provider ' +
            'looks the phone up by its unique name prefix (`uniqueNamePrefix`) before it sends a second order. That ' +
            'lookup keeps trying for up to 120 s (backoff from 1 s, capped at 15 s; `KOOPHONE_ORDER_LOOKUP_SECONDS` ' +
            'changes the budget).',
          '- **A purchase nobody can confirm stays in the stack.** If the create\'s answer was lost and the lookup could ' +
            'not answer within that budget either, the phone may have been bought: the resource is recorded in the stack ' +
            'with the id `unconfirmed:{uniqueNamePrefix}` and `up` fails saying so. Run `pulumi up` again: it finds the ' +
            'phone by name and takes it over (or buys it if the API shows none). `pulumi destroy` unsubscribes it, and ' +
            '`pulumi refresh` replaces the id with the phone\'s instance id. Do not delete it by hand or buy it again.',
          '- **An interrupted `up` does not buy twice.** The name prefix is stable (`{namePrefix}-{createKey}`, the key a ' +
            'hash of project, stack, parent and resource name), and every create first looks for a live phone under it. If ' +
            '`pulumi up` is killed after an order but before the state is saved, the next `pulumi up` takes that phone ' +
            'over instead of ordering another. The same holds after `pulumi state delete` of a phone that still exists.',
          '- **Destroy unsubscribes.** `pulumi destroy` (or removing the resource) calls the API\'s delete, which ' +
            'unsubscribes a yearly/monthly phone (refund per Huawei\'s unsubscription rules); the phone goes offline ' +
            '(`runningStatus` 3) and disappears.',
          '- **Pay-per-use phones cannot be deleted through the API** (`KOOPHONE.API.5001`). Such a phone enters a stack ' +
            'only through `adoptInstanceId`. Give it the `retainOnDelete: true` resource option so that `pulumi destroy` ' +
            'leaves it alone, or delete it in the KooPhone console and then run `pulumi state delete <urn>`. A refused ' +
            'delete changes nothing and says so.',
          '- **Subscriptions.** `charge.autoRenew` and `expirePolicy` change the existing subscription in place through ' +
            'Huawei Cloud\'s billing API, `renewBeforeDays` renews a phone about to expire, and `expireTime`, `autoRenew`, ' +
            '`expiryAction` and `subscriptionStatus` are read back; see [Subscriptions and renewals](subscriptions.md) ' +
            'for the money rules.',
          '- **Drift.** `pulumi refresh` reads every phone through batch-query (one listing of 100 phones per page serves ' +
            'all reads); a phone deleted outside Pulumi drops out of the stack, and the next `pulumi up` buys it again.',
        ],
      },
    ],
    errorCodes: ['KOOPHONE.API.1004', 'KOOPHONE.API.3001', 'KOOPHONE.API.3002', 'KOOPHONE.API.3003', 'KOOPHONE.API.3006', 'KOOPHONE.API.3007', 'KOOPHONE.API.2004', 'KOOPHONE.API.4999', 'KOOPHONE.API.5001'],
  },
  InstanceGroup: {
    example: 'instance-group.ts',
    replaceNote:
      'A replacement unsubscribes ALL of the old phones first and then buys the new group (`deleteBeforeReplace`): the ' +
      'fleet is gone in between and its users lose their data. To move a fleet to a new spec without downtime, use two ' +
      'groups: add a second group with the new spec, move the assignments to its slots, then set the old group\'s ' +
      '`size` to 0 (or remove it). `size`, `charge`, `waitForReady` and `readyTimeoutSeconds` change in place.',
    sections: [
      {
        heading: 'Slots',
        lines: [
          '- **Slots are stable.** `instanceIds[i]` and `instances[i]` are the phone in slot i for the life of the group, ' +
            'so `group.instanceIds.apply((ids) => ids[i])` in a `UserAssignment` keeps pointing at the same phone and no ' +
            'kept user\'s phone ever moves.',
          '- **A member lost out of band** (deleted, released, or being unsubscribed) is dropped from its slot by ' +
            '`pulumi refresh`; `pulumi preview --refresh --expect-no-changes` reports it, and the next `pulumi up` ' +
            're-buys it into the same slot with one order (`pulumi up --refresh` does both at once).',
          '- **Each fact has one owner.** A member reports its phone, name, `status` (a word: `running`, `starting`, …) ' +
            'and subscription, read on every `up` and `refresh`; who uses the phone is the `UserAssignment`\'s fact, so ' +
            'read it there (`assignment.userId`): a drift preview after someone unassigns slot 0 in the console shows ' +
            'that assignment only, not the group.',
          '- **Shrinking removes the highest slots**: their phones are unsubscribed in delete calls of at most 100 ids. ' +
            'An assignment on a removed slot loses its phone (and the user\'s data on it): remove such assignments in the ' +
            'same change; afterwards `ids[i]` for a removed slot is undefined and its `UserAssignment` fails its check.',
        ],
      },
      {
        heading: 'Adopting phones bought elsewhere',
        lines: [
          '- **`adoptInstanceIds`** brings phones bought in the console (or by another tool) under the group instead of ' +
            'buying new ones: they take the lowest free slots, in the order listed, and the group buys only the rest of ' +
            '`size`. A group of 25 adopting 20 phones places one order of 5; `instanceIds[0…19]` are the adopted phones.',
          '- **Checked at preview, before anything is bought**: every listed phone must exist in the account, be ' +
            'yearly/monthly (the API cannot unsubscribe a pay-per-use phone: adopt those as an `Instance`), belong to no ' +
            'other group of the stack, and match the group\'s `regionId` and `instanceSkuId` (batch-query reports the ' +
            'SKU as spec text, compared with the catalogue\'s). A mismatch names the phone and the field, e.g. ' +
            '`phone a44uhlf7: regionId: the phone is in "cn-east-3", the group\'s regionId is "cn-north-4"`. The API ' +
            'reports no image, so `os` cannot be compared: it is taken as declared. The new adoptions must fit beside ' +
            'the members within `size` (a group never shrinks to make room).',
          '- **Adopted phones are members like any other.** Shrinking the group and `pulumi destroy` **unsubscribe them** ' +
            '(as they do the phones the group bought); a lost one is re-bought into its slot. To keep the phones when the ' +
            'group goes, set Pulumi\'s `retainOnDelete: true` resource option on the group before destroying it: the ' +
            'stack then forgets every member, bought or adopted, without unsubscribing any. Removing an id from ' +
            '`adoptInstanceIds` leaves the phone in the group.',
        ],
      },
      {
        heading: 'Orders and money safety',
        lines: [
          '- **One order per 1,500 phones.** Creating or growing a group by k phones places ceil(k/1500) orders (the API\'s ' +
            '`count` maximum), one bill each in the Billing Center, never one per phone.',
          '- **Every order has a unique, stable name prefix**: `{namePrefix}-{createKey}{order number}` (14 characters at ' +
            'most, so `namePrefix` is at most 5), and the API names the phones `…-00001`, `…-00002`. A create whose answer ' +
            'is lost is looked up by that prefix before anything is sent again, as for `Instance`.',
          '- **An order nobody can confirm stays in the stack** (`pendingOrders`); `up` fails saying so, and the next ' +
            '`pulumi up`, `refresh` or `destroy` resolves it by name before anything else is bought.',
          '- **An interrupted `up` does not buy twice.** Phones named under the group\'s prefix that the stack does not hold ' +
            '(an `up` killed after an order, before Pulumi saved state) are taken back into the group\'s empty slots.',
          '- **Waiting for a fleet** shows progress beside the resource (`phones running: 640/1000`). The account is ' +
            'listed up to four times per poll interval, at most about 10 list calls a second (1,000 phones: one listing ' +
            'a second), so the group is seen running soon after its last phone. A group not running in ' +
            '`readyTimeoutSeconds` stays in the stack with every phone it bought; the next `pulumi up` resumes waiting.',
          '- **Reads are shared**: a refresh of a group of N phones costs one listing of the account (ceil(N/100) calls), ' +
            'shared with every other resource of the deployment.',
        ],
      },
      {
        heading: 'Billing changes never destroy a phone',
        lines: [
          '- Changing `charge.autoRenew` or `expirePolicy` changes the existing subscription of every member through ' +
            'Huawei Cloud\'s billing API (the members are read by order, one query per 500 phones; then one auto-renew ' +
            'call per phone whose setting differs, one expiry-policy call per 100); no phone is bought or removed. If it ' +
            'fails part-way, the old setting stays recorded and the next `pulumi up` sets the rest.',
          '- Changing `charge.periodType`, `charge.periodNum` or `charge.autoPay` updates the stack\'s record only and ' +
            'prints a warning: it applies to the phones the group buys from then on. To change the existing phones\' ' +
            'period, renew them in the Huawei Cloud Billing Center (Renewals).',
          '- Every member\'s subscription is read back on create, update and refresh (`instances[i].expireTime`, ' +
            '`expiryAction` — `renew` when it auto-renews —, `subscriptionStatus`; `earliestExpireTime`), so an auto-renew or expiry-policy ' +
            'change made in the Billing Center is drift that `pulumi up` sets back on those members only; ' +
            '`renewBeforeDays` renews due members 10 per call. See [Subscriptions and renewals](subscriptions.md#instancegroup).',
          '- `pulumi destroy` unsubscribes every member (refund per Huawei\'s unsubscription rules) and waits until they are released.',
        ],
      },
    ],
    errorCodes: ['KOOPHONE.API.1004', 'KOOPHONE.API.3001', 'KOOPHONE.API.3002', 'KOOPHONE.API.3003', 'KOOPHONE.API.3006', 'KOOPHONE.API.3007', 'KOOPHONE.API.5001'],
  },
  UserAssignment: {
    example: 'user-assignment.ts',
    replaceNote:
      'Replacement is delete-before-replace: a phone has one user, so the old assignment is removed before the new ' +
      'one is made. **Removing an assignment (unassign) wipes the user\'s data on the phone.**',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- **Unassign wipes user data.** Deleting the resource, or changing `instanceId`/`userId`, unassigns the user, ' +
            'and KooPhone wipes that user\'s data on the phone. Use `protect: true` where that matters.',
          '- **Drift.** Refresh reads `assign_status`/`assign_user` through batch-query. A phone assigned to someone ' +
            'else reports that user, so `pulumi up` replaces the assignment; a phone unassigned outside Pulumi drops ' +
            'the resource from the stack, so `pulumi up` assigns it again.',
          '- **Delete is idempotent.** A phone that is gone, or no longer assigned to this user, needs nothing; ' +
            '`KOOPHONE.API.2210` (binding does not exist) counts as done.',
          '- **Fleets: batched.** Assignments created (or removed) together in one deployment go to the API in calls of ' +
            'at most 100 user–phone pairs, so assigning a 250-phone group costs 3 calls. When the API refuses a call ' +
            'because of one pair, the call is split and only that pair\'s resource fails, with the API\'s code, reason ' +
            'and request id.',
          '- The user must be a member of the tenant\'s KooPhone organisation, and the phone must be running and ' +
            'unassigned (`KPAPI.2209` otherwise).',
        ],
      },
    ],
    errorCodes: ['KPAPI.2209', 'KOOPHONE.API.2210', 'KOOPHONE.API.2003', 'KOOPHONE.API.2004', 'KOOPHONE.API.1001', 'KOOPHONE.API.4001'],
  },
  VideoSetting: {
    example: 'video-setting.ts',
    sections: [
      {
        heading: 'Lifecycle',
        lines: [
          '- **No read, so no drift detection.** The API can set video settings but not read them back: `pulumi ' +
            'refresh` keeps what the stack recorded, and a change made in the console stays invisible. An update ' +
            're-sends the settings only when the inputs change.',
          '- **Do not force a replacement** (`pulumi up --replace`): the new resource is created before the old one is ' +
            'deleted, and that delete restores the defaults on the same phones. Change an input instead.',
          '- **All six combinations are sent.** The API wants every network type × codec (MOBILE_NETWORK/WIFI/WIRED × ' +
            'H264/H265). Combinations and definitions a program leaves out get the documented defaults: 540P 2000 kbit/s ' +
            'at 30 fps, 720P 4000 kbit/s at 30 fps, 1080P 8000 kbit/s at 60 fps.',
          '- **Delete restores the defaults** on the phones that still exist; phones removed from `instanceIds` by an ' +
            'update get the defaults back too.',
          '- Updates happen in place; nothing replaces a VideoSetting.',
        ],
      },
    ],
    errorCodes: ['KOOPHONE.API.1000', 'KOOPHONE.API.0000', 'KPAPI.2209', 'KOOPHONE.API.4001', 'KOOPHONE.API.2004'],
  },
  getSkus: {
    example: 'get-skus.ts',
    sections: [
      {
        heading: 'Notes',
        lines: [
          '- Data functions run in the Pulumi program (not in the provider), with the same `koophone:*` configuration ' +
            'and environment as the resources; see [configuration](configuration.md). Results hold only catalogue ' +
            'data, never credentials.',
          '- `chargeMode` 1 means pay-per-use only: such a SKU cannot be bought with an `Instance`.',
          '- `bandSizes` are the values an `Instance`\'s `bandSize` may take for that SKU.',
        ],
      },
    ],
    errorCodes: ['KOOPHONE.API.1004', 'KOOPHONE.API.3002'],
  },
  getInstances: {
    example: 'get-instances.ts',
    sections: [
      {
        heading: 'Notes',
        lines: [
          '- Lists the whole account 100 phones per call (the API\'s page size cap), filtered by name substring on the ' +
            'server and by prefix and ids here.',
          '- Runs in the program with the same configuration as the resources; see [configuration](configuration.md).',
          '- The result is a snapshot taken at `pulumi preview`/`up` time; it does not track later changes.',
        ],
      },
    ],
    errorCodes: ['KOOPHONE.API.1001', 'KOOPHONE.API.0004'],
  },
};
