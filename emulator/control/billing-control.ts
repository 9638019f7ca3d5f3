import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorModel } from '../model/emulator-model';
import type { InstanceRecord, Tenant } from '../model/state';
import { MONTHLY_LIST_PRICE, MONTHS_PAID_PER_YEAR, discountOf, setDiscount } from '../model/pricing';
import { balanceOf, expirePolicyOf, statusOf, subscriptionOf, touchSubscriptions } from '../model/subscriptions';
import { ControlError, answer, parseControlBody, type ControlDeps } from './control-routes';

/**
 * Control plane of the billing model (docs/api/billing.md): a tenant's balance, and a phone's subscription as the
 * Billing Center would change it (auto-renew, expiry policy) or as time would (expiry moved near, for tests).
 */

function tenantNamed(model: EmulatorModel, name: string | undefined): Tenant {
  const tenant = model.tenantByDomainName(name ?? 'demo') ?? (name === undefined ? model.tenants[0] : undefined);
  if (!tenant) throw new ControlError(404, `tenant ${name} does not exist`);
  return tenant;
}

function subscriptionView(model: EmulatorModel, inst: InstanceRecord) {
  const sub = subscriptionOf(inst);
  if (!sub) throw new ControlError(404, `phone ${inst.instanceId} has no yearly/monthly subscription`);
  return {
    instanceId: inst.instanceId,
    effectiveTime: new Date(sub.effectiveAt).toISOString(),
    expireTime: new Date(sub.expireAt).toISOString(),
    autoRenew: sub.autoRenew,
    payPerUseAtExpiry: sub.payPerUseAtExpiry,
    renewals: sub.renewals,
    status: statusOf(sub),
    expirePolicy: expirePolicyOf(sub),
    frozenAt: sub.frozenAt === undefined ? null : new Date(sub.frozenAt).toISOString(),
    now: new Date(model.now()).toISOString(),
  };
}

const balanceBody = z.strictObject({ tenant: z.string().min(1).optional(), balance: z.number().min(0) });
const subscriptionBody = z.strictObject({
  /** Moves the expiry to now + this many seconds (may be negative: already expired). */
  expireInSeconds: z.number().finite().optional(),
  autoRenew: z.boolean().optional(),
  payPerUseAtExpiry: z.boolean().optional(),
});

const discountBody = z.strictObject({
  tenant: z.string().min(1).optional(),
  /** Share of the list price the tenant pays (0.9: 10 % off); null removes the discount. */
  rate: z.number().gt(0).max(1).nullable(),
});

export function registerBillingControlRoutes(app: FastifyInstance, { model }: ControlDeps): void {
  // The price table the inquiry answers from (a model: docs/api/billing.md "Prices"), for tests to compare with.
  app.get<{ Querystring: { tenant?: string } }>('/_emulator/billing/prices', (req, reply) =>
    answer(reply, () => ({
      currency: 'CNY',
      monthly: MONTHLY_LIST_PRICE,
      monthsPaidPerYear: MONTHS_PAID_PER_YEAR,
      discount: discountOf(model, tenantNamed(model, req.query.tenant).domainId) ?? null,
    })),
  );

  app.put('/_emulator/billing/discount', (req, reply) =>
    answer(reply, () => {
      const body = parseControlBody(discountBody, req);
      setDiscount(model, tenantNamed(model, body.tenant).domainId, body.rate ?? undefined);
      return { rate: body.rate };
    }),
  );

  app.get<{ Querystring: { tenant?: string } }>('/_emulator/billing/balance', (req, reply) =>
    answer(reply, () => ({ balance: balanceOf(tenantNamed(model, req.query.tenant)) })),
  );

  app.put('/_emulator/billing/balance', (req, reply) =>
    answer(reply, () => {
      const body = parseControlBody(balanceBody, req);
      const tenant = tenantNamed(model, body.tenant);
      tenant.billingBalance = body.balance;
      touchSubscriptions(model);
      model.commit();
      return { balance: body.balance };
    }),
  );

  const phone = (id: string): InstanceRecord => {
    model.tick();
    const inst = model.instances.get(id);
    if (!inst) throw new ControlError(404, `instance ${id} does not exist`);
    return inst;
  };

  app.get<{ Params: { id: string } }>('/_emulator/subscriptions/:id', (req, reply) =>
    answer(reply, () => subscriptionView(model, phone(req.params.id))),
  );

  app.post<{ Params: { id: string } }>('/_emulator/subscriptions/:id', (req, reply) =>
    answer(reply, () => {
      const body = parseControlBody(subscriptionBody, req);
      const inst = phone(req.params.id);
      const sub = subscriptionOf(inst);
      if (!sub) throw new ControlError(404, `phone ${inst.instanceId} has no yearly/monthly subscription`);
      if (body.expireInSeconds !== undefined) sub.expireAt = model.now() + Math.round(body.expireInSeconds * 1000);
      if (body.autoRenew !== undefined) sub.autoRenew = body.autoRenew;
      if (body.payPerUseAtExpiry !== undefined) sub.payPerUseAtExpiry = body.payPerUseAtExpiry;
      touchSubscriptions(model);
      model.commit();
      model.tick();
      return model.instances.has(inst.instanceId) && inst.subscription
        ? subscriptionView(model, inst)
        : { instanceId: inst.instanceId, gone: true };
    }),
  );
}
