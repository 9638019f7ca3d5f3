import { isDeepStrictEqual } from 'node:util';
import { UNKNOWN_VALUE, definedProps, isUnknown, type Props } from './properties';

/**
 * Outputs of a create or update at preview (`supportsPreview`): everything that can be known is returned, and only
 * what the operation will decide stays unknown. Dependents read these values, so a value shown here must be the one
 * the `up` produces: that is what lets `pulumi preview` show no phantom replacement of a UserAssignment on an
 * unchanged slot of a group being updated.
 */

const unknowns = (n: number): string[] => Array.from({ length: n }, () => UNKNOWN_VALUE);

/** A create: the checked inputs as they are, every output-only property unknown. */
export function previewCreate(inputs: Props, outputNames: readonly string[]): Props {
  const outs: Props = { ...inputs };
  for (const name of outputNames) if (outs[name] === undefined) outs[name] = UNKNOWN_VALUE;
  return outs;
}

type Member = Record<string, unknown>;

/**
 * A group update (size, billing, waits): existing slots keep their phones (slots are stable, docs/instance-group.md),
 * growing leaves only the new slots unknown, shrinking drops the highest slots; a changed `charge.autoRenew` is
 * what every member's subscription will report.
 */
export function previewGroupUpdate(olds: Props, news: Props): Props {
  const outs: Props = { ...olds, ...news };
  const ids = Array.isArray(olds.instanceIds) ? (olds.instanceIds as string[]) : [];
  const members = Array.isArray(olds.instances) ? (olds.instances as Member[]) : [];
  const size = news.size;
  if (typeof size !== 'number') {
    for (const k of ['instanceIds', 'instances', 'orderIds', 'nextOrderSeq', 'earliestExpireTime'])
      outs[k] = UNKNOWN_VALUE;
    return outs;
  }
  const growth = Math.max(0, size - ids.length);
  const autoRenew = chargeAutoRenew(news);
  const renewChanged = autoRenew !== undefined && autoRenew !== chargeAutoRenew(olds);
  const kept = members.slice(0, size).map((m) => {
    if (!renewChanged) return m;
    // Members from before auto-renew was reported as `expiryAction` alone may still carry `autoRenew`.
    const { autoRenew: _stale, ...member } = m;
    return definedProps({ ...member, expiryAction: autoRenew ? 'renew' : UNKNOWN_VALUE });
  });
  outs.instanceIds = [...ids.slice(0, size), ...unknowns(growth)];
  outs.instances = [...kept, ...unknowns(growth)];
  if (growth > 0) {
    outs.orderIds = UNKNOWN_VALUE;
    outs.nextOrderSeq = UNKNOWN_VALUE;
  }
  // A renewal moves an expiry; new members bring their own.
  if (growth > 0 || news.renewBeforeDays !== undefined) outs.earliestExpireTime = UNKNOWN_VALUE;
  return outs;
}

function chargeAutoRenew(props: Props): boolean | undefined {
  const charge = props.charge as { autoRenew?: unknown } | undefined;
  return typeof charge?.autoRenew === 'boolean' ? charge.autoRenew : undefined;
}

/**
 * An Instance update changes only billing on the existing phone: a toggled auto-renew is known, the expiry action
 * and (with a renewal declared) the expiry are decided by the billing system.
 */
export function previewInstanceUpdate(olds: Props, news: Props): Props {
  const outs: Props = { ...olds, ...news };
  const autoRenew = chargeAutoRenew(news);
  if (olds.autoRenew !== undefined && autoRenew !== undefined && autoRenew !== olds.autoRenew) {
    outs.autoRenew = autoRenew;
    outs.expiryAction = autoRenew ? 'renew' : UNKNOWN_VALUE;
  }
  if (news.expirePolicy !== olds.expirePolicy && olds.expiryAction !== undefined) outs.expiryAction = UNKNOWN_VALUE;
  if (news.renewBeforeDays !== undefined && olds.expireTime !== undefined) {
    outs.expireTime = UNKNOWN_VALUE;
    outs.subscriptionStatus = UNKNOWN_VALUE;
  }
  return outs;
}

/** Any other update: inputs as declared; what the provider reports back is decided by the update. */
export function previewOtherUpdate(
  olds: Props,
  news: Props,
  inputNames: readonly string[],
  outputNames: readonly string[],
): Props {
  const outs: Props = { ...olds, ...news };
  const changed = inputNames.some((k) => !isDeepStrictEqual(olds[k], news[k]) || isUnknown(news[k]));
  if (!changed) return outs;
  for (const name of outputNames) if (!inputNames.includes(name)) outs[name] = UNKNOWN_VALUE;
  return outs;
}
