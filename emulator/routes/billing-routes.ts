import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../model/authentication';
import { BssError, querySubscriptions, renewSubscriptions, setAutoRenew, setToOnDemand } from '../model/billing-ops';
import type { Caller } from '../model/caller';
import { RateError, rateOnPeriod } from '../model/pricing';
import type { BssOp } from '../model/ops';
import { jsonBody, toSignable } from './http-request';
import { runOperation, type HttpResult, type RouteDeps } from './operation-runner';

/**
 * Huawei Cloud billing (BSS v2) subscription calls on the emulator's one origin (docs/api/billing.md): same
 * authentication as KooPhone (token or AK/SK), BSS answers (no envelope on success, `{error_code, error_msg}`
 * with a 4xx/5xx status on failure), counters and faults under the `bss-*` operation names.
 */
interface BillingRoute {
  op: BssOp;
  method: 'POST' | 'DELETE';
  url: string;
  run(caller: Caller, req: FastifyRequest): HttpResult;
}

const ok = (body: unknown): HttpResult => ({ status: 200, body });
const noContent: HttpResult = { status: 204, body: '' };
const resourceId = (req: FastifyRequest) => (req.params as { resource_id: string }).resource_id;

export function registerBillingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { model } = deps;
  const routes: BillingRoute[] = [
    {
      op: 'bss-query',
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      run: (c, req) => ok(querySubscriptions(model, c, jsonBody(req))),
    },
    {
      op: 'bss-renew',
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/renew',
      run: (c, req) => ok(renewSubscriptions(model, c, jsonBody(req))),
    },
    {
      op: 'bss-autorenew-on',
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/autorenew/:resource_id',
      run: (c, req) => (setAutoRenew(model, c, resourceId(req), true), noContent),
    },
    {
      op: 'bss-autorenew-off',
      method: 'DELETE',
      url: '/v2/orders/subscriptions/resources/autorenew/:resource_id',
      run: (c, req) => (setAutoRenew(model, c, resourceId(req), false), noContent),
    },
    {
      op: 'bss-to-on-demand',
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/to-on-demand',
      run: (c, req) => ok(setToOnDemand(model, c, jsonBody(req))),
    },
    {
      op: 'bss-rate',
      method: 'POST',
      url: '/v2/bills/ratings/period-resources/subscribe-rate',
      run: (c, req) => ok(rateOnPeriod(model, c, jsonBody(req))),
    },
  ];
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: (req, reply) =>
        runOperation(deps, route.op, req, reply, () => {
          const caller = authenticate(model, toSignable(req));
          try {
            return route.run(caller, req);
          } catch (err) {
            if (err instanceof BssError || err instanceof RateError)
              return { status: err.status, body: { error_code: err.code, error_msg: err.message } };
            throw err;
          }
        }),
    });
  }
}
