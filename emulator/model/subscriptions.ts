import type { VirtualClock } from './clock';
import type { InstanceStore } from './instance-index';
import type { InstanceRecord, SubscriptionRecord, Tenant } from './state';

/**
 * Yearly/monthly subscriptions of the emulator's phones, as Huawei Cloud's billing (BSS) API shows them
 * (docs/api/billing.md). Every paid yearly/monthly phone has one, created on first sight from its purchase
 * (start = creation, expiry = start + period). The virtual clock drives it:
 * - auto-renew charges the tenant's balance from 7 days before expiry (documented), one period at a time;
 * - at expiry without renewal the phone is frozen (subscription status 4), or becomes pay-per-use when its expiry
 *   policy says so; a frozen phone is released GRACE_SECONDS later (inferred: the common Huawei figure).
 */

export const DAY_MS = 86_400_000;
/** Auto-renew takes the charge this long before expiry (documented: 03:00 seven days before). */
export const AUTO_RENEW_LEAD_MS = 7 * DAY_MS;
/** From freezing at expiry to release (inferred; docs/api/billing.md). */
export const GRACE_SECONDS = 15 * 86_400;
/** The modelled price of one phone-month, in the balance's units (inferred model, docs/api/billing.md). */
export const MONTH_PRICE = 100;
/** Balance of a tenant the control plane never set: large enough that no test runs out by accident. */
export const DEFAULT_BALANCE = 1_000_000;

export const SUBSCRIPTION_STATUS = { active: 2, frozen: 4 } as const;
/** expire_policy of the query answer: 0 grace period (then release), 1 change to pay-per-use, 3 auto-renew. */
export const EXPIRE_POLICY = { grace: 0, payPerUse: 1, autoRenew: 3 } as const;

/** `start` plus n months (2) or years (3), calendar-aware, in UTC. */
export function addPeriod(start: number, periodType: number, periodNum: number): number {
  const d = new Date(start);
  const months = periodType === 3 ? 12 * periodNum : periodNum;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.getTime();
}

export function periodPrice(periodType: number, periodNum: number): number {
  return MONTH_PRICE * (periodType === 3 ? 12 * periodNum : periodNum);
}

export function balanceOf(tenant: Tenant): number {
  return tenant.billingBalance ?? DEFAULT_BALANCE;
}

/** The phone's subscription; undefined for pay-per-use phones and unpaid orders (BSS lists neither). */
export function subscriptionOf(inst: InstanceRecord): SubscriptionRecord | undefined {
  if (inst.billingMode !== '1' || !inst.orderPaid) return undefined;
  if (!inst.subscription) {
    const periodType = inst.chargeParam?.periodType === 3 ? 3 : 2;
    const periodNum = inst.chargeParam?.periodNum ?? 1;
    inst.subscription = {
      effectiveAt: inst.createdAt,
      expireAt: addPeriod(inst.createdAt, periodType, periodNum),
      periodType,
      periodNum,
      autoRenew: (inst.chargeParam?.isAutoRenew ?? 0) === 1,
      payPerUseAtExpiry: false,
      renewals: 0,
    };
  }
  return inst.subscription;
}

/** Charges one period from the tenant's balance; false when the balance is short. */
export function charge(tenant: Tenant, amount: number): boolean {
  const balance = balanceOf(tenant);
  if (balance < amount) return false;
  tenant.billingBalance = balance - amount;
  return true;
}

/** Extends by `periods` of the subscription's own period; a frozen phone thaws (renewal counts from the old expiry). */
export function extend(inst: InstanceRecord, sub: SubscriptionRecord, periodType: number, periodNum: number): void {
  sub.expireAt = addPeriod(sub.expireAt, periodType, periodNum);
  sub.renewals += 1;
  if (sub.frozenAt !== undefined) {
    sub.frozenAt = undefined;
    inst.frozen = false;
  }
}

export function statusOf(sub: SubscriptionRecord): number {
  return sub.frozenAt !== undefined ? SUBSCRIPTION_STATUS.frozen : SUBSCRIPTION_STATUS.active;
}

export function expirePolicyOf(sub: SubscriptionRecord): number {
  if (sub.payPerUseAtExpiry) return EXPIRE_POLICY.payPerUse;
  return sub.autoRenew ? EXPIRE_POLICY.autoRenew : EXPIRE_POLICY.grace;
}

/**
 * The part of the emulator's model a lifecycle pass reads and changes (EmulatorModel has it). Named here, not imported
 * from emulator-model.ts, because the model's `tick()` runs the pass: the import would close a circle.
 */
export interface SubscribedPhones {
  readonly instances: InstanceStore;
  readonly clock: Pick<VirtualClock, 'offset'>;
  now(): number;
  tenantByDomainId(domainId: string): Tenant | undefined;
  commit(): void;
}

/** When something is next due for this subscription on the virtual clock. */
function dueAt(sub: SubscriptionRecord): number {
  if (sub.frozenAt !== undefined) return sub.frozenAt + GRACE_SECONDS * 1000;
  return sub.autoRenew ? sub.expireAt - AUTO_RENEW_LEAD_MS : sub.expireAt;
}

/** Applies one subscription's due steps; true when anything changed. */
function advance(model: SubscribedPhones, inst: InstanceRecord, sub: SubscriptionRecord, now: number): boolean {
  let changed = false;
  const tenant = model.tenantByDomainId(inst.tenantDomainId);
  // Auto-renew: one period per successful charge, as long as the charge window has opened.
  while (sub.frozenAt === undefined && sub.autoRenew && tenant && now >= sub.expireAt - AUTO_RENEW_LEAD_MS) {
    if (!charge(tenant, periodPrice(sub.periodType, sub.periodNum))) break;
    extend(inst, sub, sub.periodType, sub.periodNum);
    changed = true;
  }
  if (sub.frozenAt === undefined && now >= sub.expireAt) {
    if (sub.payPerUseAtExpiry) {
      inst.billingMode = '0';
      inst.subscription = undefined;
      return true;
    }
    sub.frozenAt = sub.expireAt;
    inst.frozen = true;
    changed = true;
  }
  if (sub.frozenAt !== undefined && now >= sub.frozenAt + GRACE_SECONDS * 1000) {
    model.instances.delete(inst.instanceId);
    return true;
  }
  return changed;
}

interface Watch {
  nextDue: number;
  offset: number;
}
const watches = new WeakMap<SubscribedPhones, Watch>();

/** Forces the next lifecycle pass to look at every phone (after a billing call or a control-plane change). */
export function touchSubscriptions(model: SubscribedPhones): void {
  watches.delete(model);
}

/**
 * Runs at the start of every request (EmulatorModel.tick). Cheap when nothing is due: a pass over every phone happens
 * only when the earliest due time has passed, the clock was moved or a billing change touched the subscriptions;
 * phones stored since the last pass (an order) are looked at on their own, so an order costs its own size.
 */
export function applySubscriptionLifecycle(model: SubscribedPhones): void {
  const now = model.now();
  const watch = watches.get(model);
  const added = model.instances.drainAdded();
  const full = !watch || now >= watch.nextDue || watch.offset !== model.clock.offset;
  let changed = false;
  let nextDue = full ? Infinity : watch.nextDue;
  const phones = full ? [...model.instances.values()] : added.flatMap((id) => model.instances.get(id) ?? []);
  for (const inst of phones) {
    const sub = subscriptionOf(inst);
    if (!sub) continue;
    if (advance(model, inst, sub, now)) changed = true;
    if (inst.subscription && model.instances.has(inst.instanceId))
      nextDue = Math.min(nextDue, dueAt(inst.subscription));
  }
  watches.set(model, { nextDue, offset: model.clock.offset });
  if (changed) model.commit();
}
