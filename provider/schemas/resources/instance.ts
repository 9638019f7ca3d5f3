import { z } from 'zod';
import { RUNNING_STATUS_WORDS } from '../../common/running-status';
import { instanceIdSchema } from './common';
import { replacesOnChange, setByProvider, markedFields } from './field-marks';

/**
 * Longest user-chosen prefix: the API caps `instanceNamePrefix` at 14 characters (docs/api/endpoints.md#create) and the provider
 * appends `-` plus 5 random characters so that each Instance's phone can be found again by its own prefix.
 */
export const NAME_PREFIX_MAX = 8;
export const NAME_SUFFIX_LENGTH = 5;

export const chargeSchema = z
  .strictObject({
    mode: z
      .literal('prePaid')
      .default('prePaid')
      .describe(
        'Billing mode. Only `prePaid` (yearly/monthly) can be bought through the API; pay-per-use phones are bought in the console and enter a stack through `adoptInstanceId`.',
      ),
    periodType: z.enum(['month', 'year']).default('month').describe('Subscription period unit: `month` or `year`.'),
    periodNum: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(9, 'must be at most 9')
      .default(1)
      .describe('Number of periods: 1–9 months or 1–3 years (KOOPHONE.API.3006/3007 otherwise).'),
    autoPay: z
      .boolean()
      .default(true)
      .describe(
        'Pay the order from the account balance at once. With `false` the order waits unpaid in the Billing Center and the phone does not start until it is paid.',
      ),
    autoRenew: z.boolean().default(false).describe('Renew the subscription automatically at the end of each period.'),
  })
  .superRefine((charge, ctx) => {
    if (charge.periodType === 'year' && charge.periodNum > 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodNum'],
        message: 'must be at most 3 when periodType is "year" (KOOPHONE.API.3007)',
      });
    }
  })
  .describe(
    'How the phone is paid for. Changing it never replaces the phone: `autoRenew` is changed on the existing subscription through ' +
      "Huawei Cloud's billing API; `periodType`, `periodNum` and `autoPay` are recorded for a phone bought later, with a warning.",
  );

export const instanceInputsSchema = z.strictObject({
  namePrefix: replacesOnChange(
    z
      .string()
      .regex(/^[a-z][a-z0-9]*$/i, 'must start with a letter and contain only letters and digits')
      .max(
        NAME_PREFIX_MAX,
        `must be at most ${NAME_PREFIX_MAX} characters (the provider appends a 6-character unique suffix; the API allows 14)`,
      )
      .optional()
      .describe(
        `Prefix of the phone's name (at most ${NAME_PREFIX_MAX} letters/digits). The provider appends \`-\` and a unique suffix, and the API appends \`-00001\`. Defaults to the resource name.`,
      ),
  ),
  os: replacesOnChange(
    z
      .string()
      .regex(/^AOSP[0-9]{1,2}$/, 'must be an Android image name such as "AOSP11" or "AOSP14"')
      .describe(
        'Android image, e.g. `AOSP11` or `AOSP14` (the official SDK dropped `AOSP9`). Which images can be bought for the SKU, region and network comes from the live SKU catalogue and is checked at preview.',
      ),
  ),
  instanceSkuId: replacesOnChange(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .describe('Instance SKU (`cbcSkuId` from `getSkus`), e.g. `kp.professional.xlarge.32g.2`.'),
  ),
  bandSkuId: replacesOnChange(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .default('kp.bandwidth')
      .describe('Bandwidth SKU (`bandInfo.cbcSkuId` from `getSkus`).'),
  ),
  bandSize: replacesOnChange(
    z.number().positive('must be greater than 0').describe("Bandwidth in Mbit/s; one of the SKU's `bandSizes`."),
  ),
  regionId: replacesOnChange(
    z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .describe('Region that hosts the phone, e.g. `cn-north-4` (from `getSkus`).'),
  ),
  network: replacesOnChange(
    z.enum(['EIP', 'ADN']).default('EIP').describe('Network type of the resource pool: `EIP` (default) or `ADN`.'),
  ),
  instanceType: replacesOnChange(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .optional()
      .describe('Undocumented API field seen in examples (`specification`); sent only when set.'),
  ),
  sceneType: replacesOnChange(
    z
      .string()
      .max(64, 'must be at most 64 characters')
      .optional()
      .describe('Undocumented API field seen in examples (`CLOUD_PHONE`); sent only when set.'),
  ),
  charge: chargeSchema.default({ mode: 'prePaid', periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false }),
  renewBeforeDays: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .optional()
    .describe(
      'Renew the subscription when it expires within this many days: `pulumi up` renews it by one period (`charge.periodType` × ' +
        '`charge.periodNum`), paid from the account balance, and preview says so. A renewal is sent only after a look at the ' +
        'expiry, and never re-sent after a lost answer without looking again. Unset: the stack never renews.',
    ),
  expirePolicy: z
    .enum(['release', 'toPayPerUse'])
    .optional()
    .describe(
      'What happens when the subscription ends without renewal, changed in place through the billing API: `release` (frozen, then ' +
        'released after the grace period) or `toPayPerUse` (the phone becomes pay-per-use and keeps running, billed by use). ' +
        '`toPayPerUse` cannot be combined with `charge.autoRenew`. Unset: left as the Billing Center has it.',
    ),
  waitForReady: z
    .boolean()
    .default(true)
    .describe('Wait until the phone is running before the resource is considered created.'),
  readyTimeoutSeconds: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(86400, 'must be at most 86400')
    .default(1800)
    .describe('How long to wait for the phone to run (provisioning normally takes minutes).'),
  adoptInstanceId: replacesOnChange(
    instanceIdSchema
      .optional()
      .describe(
        'Take over this existing phone instead of buying one — the only way a pay-per-use phone (which the API cannot buy) enters a stack. The spec inputs must still describe the phone.',
      ),
  ),
  createKey: setByProvider(
    z
      .string()
      .regex(
        new RegExp(`^[a-z0-9]{${NAME_SUFFIX_LENGTH}}$`),
        `must be ${NAME_SUFFIX_LENGTH} lower-case letters or digits`,
      )
      .optional()
      .describe(
        'Set by the SDK: a stable hash of the project, stack, parent and resource name, so that a phone whose create was interrupted is found again by its name instead of bought twice. Do not set it.',
      ),
  ),
  resourceUrn: setByProvider(
    z
      .string()
      .max(1024)
      .optional()
      .describe("Set by the SDK: the resource's URN, so that warnings show beside the resource. Do not set it."),
  ),
  uniqueNamePrefix: setByProvider(
    z
      .string()
      .max(14)
      .optional()
      .describe(
        "Set by the provider: the unique name prefix of this phone's order (`{namePrefix}-{createKey}`). Do not set it.",
      ),
  ),
});

export type InstanceArgs = z.input<typeof instanceInputsSchema>;
export type InstanceInputs = z.output<typeof instanceInputsSchema>;

/** Inputs the API cannot change on an existing phone (docs/api/endpoints.md#lifecycle). `charge` is not one: billing changes never replace (docs/api/billing.md). */
export const INSTANCE_REPLACE_PROPERTIES = markedFields(instanceInputsSchema, 'replaceOnChange');

/** The phone's running status in words, as a person reads it. */
export const runningStatusSchema = z
  .enum(RUNNING_STATUS_WORDS)
  .describe(
    "The phone's running status in words: `running`, `starting` (provisioning or rebooting), `stopped`, `shut-down`, `going-offline` (being unsubscribed) or `unknown`.",
  );

/** What the provider reports about a phone, read from batch-query (snake_case wire → camelCase). */
export const instanceStateSchema = z.object({
  instanceId: z.string().describe("The phone's instance id."),
  instanceName: z.string().describe("The phone's name, `{uniqueNamePrefix}-00001`."),
  orderId: z.string().describe('The CBC order that bought the phone (empty for adopted phones).'),
  runningStatus: z
    .number()
    .int()
    .describe('0 unknown, 1 stopped, 2 running, 3 going offline, 4 starting, 5 shut down.'),
  status: runningStatusSchema,
  frozenStatus: z.number().int().describe('0 normal, 1 frozen.'),
  loginStatus: z.number().int().describe('0 not logged in, 1 logged in.'),
  assignStatus: z.number().int().describe('0 unassigned, 1 assigned.'),
  assignUser: z.string().describe('User id the phone is assigned to (empty when unassigned).'),
  billingMode: z.string().describe('`1` yearly/monthly, `0` pay-per-use.'),
  instanceSku: z.string().describe('Human description of the SKU.'),
  region: z.string().describe('Region the phone runs in.'),
  regionNameEn: z.string().describe('English region name.'),
  projectId: z.string().describe('Project the phone belongs to.'),
  projectName: z.string().describe('Project name.'),
  adopted: z
    .boolean()
    .describe('True when the phone was taken over with `adoptInstanceId` rather than bought by this resource.'),
  expireTime: z
    .string()
    .optional()
    .describe(
      "When the phone's yearly/monthly subscription expires (UTC, from Huawei Cloud's billing API; read on refresh and update).",
    ),
  autoRenew: z
    .boolean()
    .optional()
    .describe(
      'Whether the billing system renews the subscription automatically (a Billing Center change shows as drift from `charge.autoRenew`).',
    ),
  subscriptionStatus: z
    .string()
    .optional()
    .describe('Subscription status from the billing API: `active`, `grace`, `frozen`, `expired`, …'),
  expiryAction: z
    .enum(['renew', 'toPayPerUse', 'release'])
    .optional()
    .describe(
      'What the billing system will do at expiry: `renew` (auto-renew), `toPayPerUse`, or `release`; drift from `expirePolicy` shows here.',
    ),
});
export type InstanceState = z.infer<typeof instanceStateSchema>;
export type InstanceOutputs = InstanceInputs & InstanceState;
