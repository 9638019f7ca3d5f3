import { PolicyPack, type ResourceValidationPolicy, type StackValidationPolicy } from '@pulumi/policy';
import {
  credentialViolations,
  groupSizeViolations,
  kooPhoneKind,
  monthlyCostViolations,
  regionViolations,
  resetViolations,
  skuViolations,
  stackPhoneViolations,
  type PackConfig,
  type PolicyResource,
} from './rules';

/**
 * KooPhone purchase guards (docs/costs-and-budgets.md, policy/README.md). Policy names and config properties are
 * an interface scripts rely on: koophone-allowed-regions (allowedRegions), koophone-allowed-skus (allowedSkus),
 * koophone-max-phones (maxPerGroup, maxPerStack), koophone-max-monthly-cost (maxMonthlyAmount, monthlyListPrices,
 * currency), koophone-protect-reset (protectedStacks), koophone-secret-credentials.
 */

const stringList = { type: 'array', items: { type: 'string' } } as const;

function perResource(
  name: string,
  description: string,
  properties: Record<string, unknown> | undefined,
  check: (r: PolicyResource, config: PackConfig) => string[],
): ResourceValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: 'mandatory',
    ...(properties ? { configSchema: { properties } } : {}),
    validateResource: (args, reportViolation) => {
      for (const message of check(args, args.getConfig<PackConfig>())) reportViolation(message);
    },
  } as ResourceValidationPolicy;
}

function perStack(
  name: string,
  description: string,
  properties: Record<string, unknown>,
  check: (resources: PolicyResource[], config: PackConfig) => string[],
): StackValidationPolicy {
  return {
    name,
    description,
    enforcementLevel: 'mandatory',
    configSchema: { properties },
    validateStack: (args, reportViolation) => {
      const ours = args.resources.filter((r) => kooPhoneKind(r.type) !== undefined);
      for (const message of check(ours, args.getConfig<PackConfig>())) reportViolation(message);
    },
  } as StackValidationPolicy;
}

new PolicyPack('koophone', {
  policies: [
    perResource(
      'koophone-allowed-regions',
      'Phones are bought only in the allowed regions.',
      { allowedRegions: stringList },
      (r, c) => regionViolations(r, c.allowedRegions),
    ),
    perResource(
      'koophone-allowed-skus',
      'Phones are bought only with the allowed SKUs.',
      { allowedSkus: stringList },
      (r, c) => skuViolations(r, c.allowedSkus),
    ),
    perStack(
      'koophone-max-phones',
      'An InstanceGroup holds at most maxPerGroup phones, and a stack at most maxPerStack.',
      { maxPerGroup: { type: 'integer', minimum: 0 }, maxPerStack: { type: 'integer', minimum: 0 } },
      (rs, c) => [
        ...rs.flatMap((r) => groupSizeViolations(r, c.maxPerGroup)),
        ...stackPhoneViolations(rs, c.maxPerStack),
      ],
    ),
    perStack(
      'koophone-max-monthly-cost',
      "A stack's phones cost at most maxMonthlyAmount a month at list price.",
      {
        maxMonthlyAmount: { type: 'number', minimum: 0 },
        monthlyListPrices: { type: 'object' },
        currency: { type: 'string' },
      },
      (rs, c) => monthlyCostViolations(rs, c),
    ),
    perResource(
      'koophone-protect-reset',
      'PhoneReset only with confirmDataLoss: true, and never on a protected stack.',
      { protectedStacks: stringList },
      (r, c) => resetViolations(r, c.protectedStacks),
    ),
    perResource(
      'koophone-secret-credentials',
      'KooPhone credentials only as secret stack config or environment, never as resource inputs.',
      undefined,
      (r) => credentialViolations(r),
    ),
  ],
});
