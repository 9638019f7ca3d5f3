import { KooPhoneClient, KooPhoneOutcomeUnknownError } from '../../provider/client';
import { DEFAULT_BALANCE, GRACE_SECONDS, MONTH_PRICE } from '../model/subscriptions';
import { DEMO_CREDENTIALS, EmulatorHarness } from '../testing/emulator-harness';

/** Billing (BSS) subscription calls on the emulator's origin, with the documented example requests (docs/api/billing.md). */
describe('billing API (BSS v2 subscriptions)', () => {
  let emu: EmulatorHarness;
  let id: string;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    [id] = await emu.seedInstances([{ instanceName: 'bill-00001', instanceId: 'a1b2c3d4' }]);
  });
  afterAll(() => emu.close());

  const query = (body: unknown) =>
    emu.api('POST', '/v2/orders/suscriptions/resources/query', { body, requestId: false });
  const sub = () => emu.control('GET', `/subscriptions/${id}`);

  it('query: the documented example finds the phone by its instance id, one month from its purchase', async () => {
    const res = await query({ resource_ids: [id], only_main_resource: 1, limit: 50 });
    expect(res.status).toBe(200);
    expect(res.json.total_count).toBe(1);
    const [row] = res.json.data;
    expect(row).toMatchObject({
      resource_id: id,
      resource_name: 'bill-00001',
      is_main_resource: 1,
      status: 2,
      expire_policy: 0,
    });
    expect(row.expire_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const months = (Date.parse(row.expire_time) - Date.parse(row.effective_time)) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(28);
    expect(months).toBeLessThanOrEqual(31);
  });

  it('query: more than 50 ids is CBC.0100; pay-per-use phones and unknown ids are not listed', async () => {
    const tooMany = await query({ resource_ids: Array.from({ length: 51 }, (_, i) => `id${i}`) });
    expect([tooMany.status, tooMany.json.error_code]).toEqual([400, 'CBC.0100']);
    const [ppu] = await emu.seedInstances([{ instanceName: 'ppu-00001', billingMode: '0' }]);
    const res = await query({ resource_ids: [ppu, 'nosuchid'] });
    expect(res.json).toEqual({ total_count: 0, data: [] });
  });

  it('query by order_id: only the phones that order bought, up to 500 a page; a limit above 500 is CBC.0100', async () => {
    const order = async (prefix: string, count: number) => {
      const res = await emu.api('POST', '/v1/instances/create', {
        body: {
          os: 'AOSP11',
          instanceSkuId: 'kp.professional.xlarge.32g.2',
          bandSkuId: 'kp.bandwidth',
          regionId: 'cn-north-4',
          instanceNamePrefix: prefix,
          bandSize: 4,
          count,
          network: 'EIP',
          chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1, isAutoRenew: 0 },
        },
        requestId: false,
      });
      return res.json.data as { orderId: string; instanceInfos: { instanceId: string }[] };
    };
    const big = await order('big', 501);
    const small = await order('small', 2);
    const first = await query({ order_id: big.orderId, only_main_resource: 1, limit: 500 });
    expect([first.status, first.json.total_count, first.json.data.length]).toEqual([200, 501, 500]);
    const second = await query({ order_id: big.orderId, only_main_resource: 1, limit: 500, offset: 500 });
    const listed = [...first.json.data, ...second.json.data].map((r: { resource_id: string }) => r.resource_id);
    expect(listed.sort()).toEqual(big.instanceInfos.map((i) => i.instanceId).sort());
    const other = await query({ order_id: small.orderId, limit: 500 });
    expect(other.json.data.map((r: { resource_id: string }) => r.resource_id).sort()).toEqual(
      small.instanceInfos.map((i) => i.instanceId).sort(),
    );
    const tooMany = await query({ order_id: big.orderId, limit: 501 });
    expect([tooMany.status, tooMany.json.error_code]).toEqual([400, 'CBC.0100']);
    // The typed client pages by 500: the 501 phones of one order in 2 calls.
    const client = new KooPhoneClient({
      endpoint: emu.url,
      billingEndpoint: emu.url,
      auth: { kind: 'password', ...DEMO_CREDENTIALS },
    });
    try {
      await emu.control('DELETE', '/counters');
      expect((await client.billing.querySubscriptionsByOrder(big.orderId)).length).toBe(501);
      expect((await emu.control('GET', '/counters')).counters['bss-query']).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('auto-renew on (204) and off (204); off twice is CBC.99003605; unknown ids CBC.99003012', async () => {
    const on = await emu.api('POST', `/v2/orders/subscriptions/resources/autorenew/${id}`, { requestId: false });
    expect([on.status, on.text]).toEqual([204, '']);
    expect((await sub()).autoRenew).toBe(true);
    expect((await query({ resource_ids: [id] })).json.data[0].expire_policy).toBe(3);
    const off = await emu.api('DELETE', `/v2/orders/subscriptions/resources/autorenew/${id}`, { requestId: false });
    expect(off.status).toBe(204);
    const again = await emu.api('DELETE', `/v2/orders/subscriptions/resources/autorenew/${id}`, { requestId: false });
    expect([again.status, again.json.error_code]).toEqual([400, 'CBC.99003605']);
    const unknown = await emu.api('POST', '/v2/orders/subscriptions/resources/autorenew/nosuchid', {
      requestId: false,
    });
    expect([unknown.status, unknown.json.error_code]).toEqual([400, 'CBC.99003012']);
  });

  it('renew: the documented example (1 month, auto-pay) extends the expiry, charges the balance, answers order_ids', async () => {
    const before = await sub();
    const res = await emu.api('POST', '/v2/orders/subscriptions/resources/renew', {
      body: { resource_ids: [id], period_type: 2, period_num: 1, expire_policy: 1, is_auto_pay: 1 },
      requestId: false,
    });
    expect(res.status).toBe(200);
    expect(res.json.order_ids).toEqual([expect.stringMatching(/^CS/)]);
    const after = await sub();
    expect(Date.parse(after.expireTime)).toBeGreaterThan(Date.parse(before.expireTime));
    expect(after.renewals).toBe(1);
    expect((await emu.control('GET', '/billing/balance')).balance).toBe(DEFAULT_BALANCE - MONTH_PRICE);
  });

  it('renew: more than 10 ids is CBC.0100; an empty balance is CBC.99005003 and changes nothing', async () => {
    const eleven = Array.from({ length: 11 }, () => id);
    const tooMany = await emu.api('POST', '/v2/orders/subscriptions/resources/renew', {
      body: { resource_ids: eleven, period_type: 2, period_num: 1, expire_policy: 0, is_auto_pay: 1 },
    });
    expect([tooMany.status, tooMany.json.error_code]).toEqual([400, 'CBC.0100']);
    await emu.control('PUT', '/billing/balance', { balance: 0 });
    const poor = await emu.api('POST', '/v2/orders/subscriptions/resources/renew', {
      body: { resource_ids: [id], period_type: 2, period_num: 1, expire_policy: 0, is_auto_pay: 1 },
    });
    expect([poor.status, poor.json.error_code]).toEqual([400, 'CBC.99005003']);
    expect((await sub()).renewals).toBe(0);
  });

  it('to-on-demand: SET_UP lists only failed ids; at expiry the phone becomes pay-per-use instead of frozen', async () => {
    const res = await emu.api('POST', '/v2/orders/subscriptions/resources/to-on-demand', {
      body: { operation: 'SET_UP', resource_ids: [id, 'nosuchid'] },
    });
    expect(res.status).toBe(200);
    expect(res.json.error_details).toEqual([
      expect.objectContaining({ resource_id: 'nosuchid', error_code: 'CBC.99003012' }),
    ]);
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 10 });
    await emu.advance(20);
    const [phone] = (await emu.control('GET', '/instances')).instances;
    expect([phone.billingMode, phone.frozen]).toEqual(['0', false]);
    expect((await query({ resource_ids: [id] })).json.total_count).toBe(0);
  });

  it('expiry without renewal: frozen at expiry, released after the grace period', async () => {
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 10 });
    await emu.advance(20);
    expect((await sub()).status).toBe(4);
    const listed = await emu.api('GET', '/v1/instances/batch-query?page_no=1&page_size=10');
    expect(JSON.stringify(listed.json)).toContain('"frozen_status":1');
    await emu.advance(GRACE_SECONDS);
    expect((await emu.control('GET', '/instances')).instances).toEqual([]);
  });

  it('auto-renew: charged 7 days before expiry from the balance; without balance the phone freezes at expiry', async () => {
    await emu.control('POST', `/subscriptions/${id}`, { autoRenew: true, expireInSeconds: 8 * 86_400 });
    await emu.advance(86_400 + 60);
    const renewed = await sub();
    expect([renewed.renewals, renewed.status]).toEqual([1, 2]);
    await emu.control('PUT', '/billing/balance', { balance: 0 });
    await emu.control('POST', `/subscriptions/${id}`, { expireInSeconds: 60 });
    await emu.advance(120);
    expect((await sub()).status).toBe(4);
  });

  it('the typed client speaks to these routes (same auth); a lost renewal answer is an unknown outcome, not a retry', async () => {
    const client = new KooPhoneClient({
      endpoint: emu.url,
      billingEndpoint: emu.url,
      auth: { kind: 'password', ...DEMO_CREDENTIALS },
      retryBaseMs: 1,
    });
    try {
      expect((await client.billing.querySubscriptions([id])).map((r) => r.resource_id)).toEqual([id]);
      await client.billing.setAutoRenew(id, true);
      await client.billing.setAutoRenew(id, false);
      await client.billing.setAutoRenew(id, false); // already off: the wanted state
      expect(await client.billing.setPayPerUseAtExpiry([id], false)).toEqual([]);
      await emu.control('POST', '/faults', { endpoint: 'bss-renew', dropAfterCommit: true, count: 1 });
      const renewal = client.billing.renew({
        resource_ids: [id],
        period_type: 2,
        period_num: 1,
        expire_policy: 0,
        is_auto_pay: 1,
      });
      await expect(renewal).rejects.toBeInstanceOf(KooPhoneOutcomeUnknownError);
      expect((await emu.control('GET', '/counters')).counters['bss-renew']).toBe(1);
      expect((await sub()).renewals).toBe(1);
    } finally {
      await client.close();
    }
  });
});
