import {
  autoRenewParamsSchema,
  emptyBssResponseSchema,
  QUERY_IDS_MAX,
  QUERY_LIMIT_MAX,
  querySubscriptionsRequestSchema,
  querySubscriptionsResponseSchema,
  renewSubscriptionsRequestSchema,
  renewSubscriptionsResponseSchema,
  TO_ON_DEMAND_IDS_MAX,
  toOnDemandRequestSchema,
  toOnDemandResponseSchema,
  type BssErrorDetail,
  type OrderInstance,
  type QuerySubscriptionsRequest,
  type RenewSubscriptionsRequest,
} from '../schemas/wire/billing';
import { chunk } from '../common/chunk';
import { defineOperation } from './operation';
import type { Transport } from './transport';

/** Huawei Cloud billing (BSS v2) calls on yearly/monthly subscriptions (docs/api/billing.md). */

export const DEFAULT_BILLING_ENDPOINT = 'https://bss.myhuaweicloud.com';

export const querySubscriptionsOp = defineOperation({
  name: 'bss-query',
  method: 'POST',
  // The documented path really is spelled "suscriptions".
  path: '/v2/orders/suscriptions/resources/query',
  replaySafe: true,
  envelope: 'bss',
  body: querySubscriptionsRequestSchema,
  response: querySubscriptionsResponseSchema,
});

/** Costs money: never replayed once it may have reached the server (the caller looks before sending again). */
export const renewSubscriptionsOp = defineOperation({
  name: 'bss-renew',
  method: 'POST',
  path: '/v2/orders/subscriptions/resources/renew',
  replaySafe: false,
  envelope: 'bss',
  body: renewSubscriptionsRequestSchema,
  response: renewSubscriptionsResponseSchema,
});

export const enableAutoRenewOp = defineOperation({
  name: 'bss-autorenew-on',
  method: 'POST',
  path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}',
  replaySafe: true,
  envelope: 'bss',
  params: autoRenewParamsSchema,
  response: emptyBssResponseSchema,
});

export const disableAutoRenewOp = defineOperation({
  name: 'bss-autorenew-off',
  method: 'DELETE',
  path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}',
  replaySafe: true,
  envelope: 'bss',
  params: autoRenewParamsSchema,
  response: emptyBssResponseSchema,
});

export const toOnDemandOp = defineOperation({
  name: 'bss-to-on-demand',
  method: 'POST',
  path: '/v2/orders/subscriptions/resources/to-on-demand',
  replaySafe: true,
  envelope: 'bss',
  body: toOnDemandRequestSchema,
  response: toOnDemandResponseSchema,
});

/** Auto-renew is already off (documented for the DELETE call): the wanted state, not a failure. */
export const AUTO_RENEW_ALREADY_OFF = 'CBC.99003605';

export class BillingApi {
  constructor(private readonly transport: Transport) {}

  /** The subscriptions of these resources, in calls of ≤ 50 ids; a released or unknown id is simply absent. */
  async querySubscriptions(resourceIds: readonly string[]): Promise<OrderInstance[]> {
    const out: OrderInstance[] = [];
    for (const ids of chunk([...new Set(resourceIds)], QUERY_IDS_MAX)) {
      const { data } = await this.transport.call(querySubscriptionsOp, {
        body: { resource_ids: ids, only_main_resource: 1, limit: QUERY_IDS_MAX },
      });
      out.push(...data.data);
    }
    return out;
  }

  /**
   * The main-resource subscriptions bought by one order, 500 per page (`order_id` filter; the order id is the one
   * KooPhone's create answered, inferred to be the CBC order the billing system knows: docs/api/billing.md).
   */
  async querySubscriptionsByOrder(orderId: string): Promise<OrderInstance[]> {
    return this.queryPages({ order_id: orderId }, QUERY_LIMIT_MAX);
  }

  /** Every subscription of the account expiring up to `before` (UTC `yyyy-MM-ddTHH:mm:ssZ`), page by page. */
  async listSubscriptions(filter: { expireTimeEnd?: string } = {}): Promise<OrderInstance[]> {
    return this.queryPages({ expire_time_end: filter.expireTimeEnd }, QUERY_IDS_MAX);
  }

  /** Main resources matching `filter`, `limit` per page, until a short page or `total_count` is reached. */
  private async queryPages(
    filter: Pick<QuerySubscriptionsRequest, 'order_id' | 'expire_time_end'>,
    limit: number,
  ): Promise<OrderInstance[]> {
    const out: OrderInstance[] = [];
    for (let offset = 0; ; offset += limit) {
      const { data } = await this.transport.call(querySubscriptionsOp, {
        body: { ...filter, only_main_resource: 1, offset, limit },
      });
      out.push(...data.data);
      if (data.data.length < limit || (data.total_count !== undefined && out.length >= data.total_count)) return out;
    }
  }

  /**
   * Renews ≤ 10 subscriptions by one period. Never retried once sent: on doubt it throws KooPhoneOutcomeUnknownError
   * and the caller must query the expiry before deciding to send again.
   */
  async renew(req: RenewSubscriptionsRequest): Promise<string[]> {
    const { data } = await this.transport.call(renewSubscriptionsOp, { body: req });
    return data.order_ids;
  }

  async setAutoRenew(resourceId: string, enabled: boolean): Promise<void> {
    if (enabled) {
      await this.transport.call(enableAutoRenewOp, { params: { resource_id: resourceId } });
      return;
    }
    try {
      await this.transport.call(disableAutoRenewOp, { params: { resource_id: resourceId } });
    } catch (err) {
      if (!(err instanceof Error && 'code' in err && err.code === AUTO_RENEW_ALREADY_OFF)) throw err;
    }
  }

  /** Sets (or cancels) the change to pay-per-use at expiry; returns the ids that failed, with the reason. */
  async setPayPerUseAtExpiry(resourceIds: readonly string[], enabled: boolean): Promise<BssErrorDetail[]> {
    const failed: BssErrorDetail[] = [];
    for (const ids of chunk(resourceIds, TO_ON_DEMAND_IDS_MAX)) {
      const { data } = await this.transport.call(toOnDemandOp, {
        body: { operation: enabled ? 'SET_UP' : 'CANCEL', resource_ids: ids },
      });
      failed.push(...data.error_details);
    }
    return failed;
  }
}
