import { z } from 'zod';
import { NAME_SUFFIX_LENGTH, instanceInputsSchema, instanceStateSchema, runningStatusSchema } from './instance';
import { instanceIdSchema } from './common';
import { markedFields, replacesOnChange, setByProvider } from './field-marks';

/** Most phones one group holds. */
export const GROUP_SIZE_MAX = 10_000;
/** Most phones one create call may order (the API's documented `count` maximum). */
export const ORDER_COUNT_MAX = 1500;
/** Base-36 characters of an order's sequence number in its name prefix: 46,656 orders over a group's life. */
export const ORDER_SEQ_LENGTH = 3;
/**
 * Longest user-chosen prefix: each order's name prefix is `{namePrefix}-{createKey}{seq}`, and the API caps
 * `instanceNamePrefix` at 14 characters (it then appends `-00001`, `-00002`, … per phone of the order).
 */
export const GROUP_NAME_PREFIX_MAX = 14 - 1 - NAME_SUFFIX_LENGTH - ORDER_SEQ_LENGTH;

const spec = instanceInputsSchema.shape;

export const instanceGroupInputsSchema = z.strictObject({
  size: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(GROUP_SIZE_MAX, `must be at most ${GROUP_SIZE_MAX}`)
    .describe(
      `Number of phones (0–${GROUP_SIZE_MAX}). Growing orders the new phones in ceil(k/${ORDER_COUNT_MAX}) orders; ` +
        'shrinking unsubscribes the phones of the highest slots.',
    ),
  namePrefix: replacesOnChange(
    z
      .string()
      .regex(/^[a-z][a-z0-9]*$/i, 'must start with a letter and contain only letters and digits')
      .max(
        GROUP_NAME_PREFIX_MAX,
        `must be at most ${GROUP_NAME_PREFIX_MAX} characters (each order appends a ${1 + NAME_SUFFIX_LENGTH + ORDER_SEQ_LENGTH}-character unique suffix; the API allows 14)`,
      )
      .optional()
      .describe(
        `Prefix of the phones' names (at most ${GROUP_NAME_PREFIX_MAX} letters/digits). Each order appends \`-\`, the group's key and the ` +
          'order number, and the API appends `-00001`, `-00002`, …. Defaults to the resource name.',
      ),
  ),
  os: spec.os,
  instanceSkuId: spec.instanceSkuId,
  bandSkuId: spec.bandSkuId,
  bandSize: spec.bandSize,
  regionId: spec.regionId,
  network: spec.network,
  instanceType: spec.instanceType,
  sceneType: spec.sceneType,
  adoptInstanceIds: z
    .array(instanceIdSchema)
    .max(GROUP_SIZE_MAX, `must list at most ${GROUP_SIZE_MAX} phones`)
    .optional()
    .describe(
      'Phones bought elsewhere (the console, another tool) that join the group instead of being bought: they take the ' +
        'lowest free slots, and the group buys only the rest of `size`. Checked at preview: each must exist, belong to no ' +
        "other group of the stack, and match the group's `instanceSkuId` and `regionId` (the API reports no image, so " +
        '`os` is taken as declared); yearly/monthly only. Once adopted a phone is a member like any other: `pulumi destroy` ' +
        "and shrinking unsubscribe it, unless the group has Pulumi's `retainOnDelete` option. Removing an id from the " +
        'list leaves the phone in the group.',
    ),
  charge: spec.charge.describe(
    "How the group's phones are paid for. Changing it never replaces a phone: `autoRenew` is changed on every member's existing subscription through Huawei Cloud's billing API; `periodType`, `periodNum` and `autoPay` apply to the phones the group buys from then on, with a warning.",
  ),
  renewBeforeDays: spec.renewBeforeDays.describe(
    "Renew the members' subscriptions that expire within this many days: `pulumi up` renews each by one period " +
      '(`charge.periodType` × `charge.periodNum`), in calls of 10 phones, paid from the account balance, and preview says ' +
      'how many it will renew. A renewal is sent only after a look at the expiry, and never re-sent after a lost answer ' +
      'without looking again. Unset: the stack never renews.',
  ),
  expirePolicy: spec.expirePolicy.describe(
    "What happens when a member's subscription ends without renewal, changed in place through the billing API (also on " +
      'phones the group buys later): `release` (frozen, then released after the grace period) or `toPayPerUse` (the phone ' +
      'becomes pay-per-use and keeps running, billed by use). `toPayPerUse` cannot be combined with `charge.autoRenew`. ' +
      'Unset: left as the Billing Center has it.',
  ),
  waitForReady: spec.waitForReady.describe(
    'Wait until every phone of the group is running before the resource is considered created or updated.',
  ),
  readyTimeoutSeconds: spec.readyTimeoutSeconds,
  createKey: spec.createKey.describe(
    "Set by the SDK: a stable hash of the project, stack, parent and resource name; every order's name prefix starts with it, so phones ordered by an interrupted `up` are found again by name instead of bought twice. Do not set it.",
  ),
  resourceUrn: setByProvider(
    z
      .string()
      .max(1024)
      .optional()
      .describe("Set by the SDK: the resource's URN, so that progress shows beside the resource. Do not set it."),
  ),
});

export type InstanceGroupArgs = z.input<typeof instanceGroupInputsSchema>;
export type InstanceGroupInputs = z.output<typeof instanceGroupInputsSchema>;

/**
 * Inputs that decide what a phone is: changing any of them replaces the whole group (old phones first). Instance's
 * list without billing (a charge change applies to the group's next orders, never destroys a phone) and adoption.
 */
export const INSTANCE_GROUP_REPLACE_PROPERTIES = markedFields(instanceGroupInputsSchema, 'replaceOnChange');

export const groupMemberSchema = z.object({
  slot: z.number().int().describe("The member's slot: stable for the life of the group, 0 … size-1."),
  instanceId: z.string().describe("The phone's instance id."),
  instanceName: z.string().describe("The phone's name, `{orderPrefix}-00001` etc."),
  // Who uses the phone is the UserAssignment's fact, not the group's: a copy here went stale (docs/instance-group.md).
  status: runningStatusSchema,
  // The subscription as the billing system reports it (read by order on create, update and refresh); absent for a
  // member without one. Auto-renew is `expiryAction: renew` (one fact, one field: ~10% of a 10,000-phone state).
  ...instanceStateSchema.pick({ expireTime: true, subscriptionStatus: true, expiryAction: true }).shape,
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

/** An order whose outcome is not known yet: its phones are looked up by its name prefix on the next up/refresh/destroy. */
export const pendingOrderSchema = z.object({
  seq: z.number().int().describe("The order's sequence number within the group."),
  prefix: z.string().describe("The order's unique name prefix."),
  slots: z.array(z.number().int()).describe('The slots the order was placed for.'),
});
export type PendingOrder = z.infer<typeof pendingOrderSchema>;

export const instanceGroupStateSchema = z.object({
  uniqueNamePrefix: z
    .string()
    .describe("The name prefix shared by all of the group's orders: `{namePrefix}-{createKey}`."),
  instanceIds: z
    .array(z.string())
    .describe("The members' instance ids, ordered by slot: `instanceIds[i]` is the phone in slot i."),
  instances: z.array(groupMemberSchema).describe('The members, ordered by slot, with the status batch-query reports.'),
  orderIds: z
    .array(z.string())
    .describe('The CBC orders that bought the members (orders found again by name after an interruption have no id).'),
  nextOrderSeq: z.number().int().describe("Sequence number of the group's next order."),
  pendingOrders: z
    .array(pendingOrderSchema)
    .describe('Orders placed but not yet confirmed; resolved by name on the next up, refresh or destroy.'),
  earliestExpireTime: z
    .string()
    .optional()
    .describe(
      "The soonest expiry among the members' subscriptions (UTC, from the billing API); absent when none has one.",
    ),
});
export type InstanceGroupState = z.infer<typeof instanceGroupStateSchema>;
export type InstanceGroupOutputs = InstanceGroupInputs & InstanceGroupState;
