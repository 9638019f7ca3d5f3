import { EmulatorHarness } from '../testing/emulator-harness';

/** Price inquiry of yearly/monthly phones (ListRateOnPeriodDetail) against the emulator's price table. */
describe('billing API: subscribe-rate (price inquiry)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    await emu.control('PUT', '/billing/discount', { rate: null });
  });
  afterAll(() => emu.close());

  const phone = (over: Record<string, unknown> = {}) => ({
    id: 'p1',
    cloud_service_type: 'hws.service.type.koophone',
    resource_type: 'hws.resource.type.koophone.instance',
    resource_spec: 'kp.professional.xlarge.32g.2',
    region: 'cn-north-4',
    resource_size: 4,
    size_measure_id: 15,
    period_type: 2,
    period_num: 1,
    subscription_num: 40,
    ...over,
  });
  const rate = (productInfos: unknown[]) =>
    emu.api('POST', '/v2/bills/ratings/period-resources/subscribe-rate', {
      body: { project_id: 'p', product_infos: productInfos },
      requestId: false,
    });

  it('40 phones for a month at list price; a year costs ten months; a discount is a second result', async () => {
    const month = await rate([phone()]);
    expect(month.status).toBe(200);
    expect(month.json.currency).toBe('CNY');
    expect(month.json.official_website_rating_result.official_website_amount).toBe(11960);
    expect(month.json.official_website_rating_result.product_rating_results).toEqual([
      expect.objectContaining({ id: 'p1', official_website_amount: 11960, measure_id: 1 }),
    ]);
    expect(month.json.optional_discount_rating_results).toEqual([]);

    const year = await rate([phone({ period_type: 3, subscription_num: 1, resource_size: 6 })]);
    expect(year.json.official_website_rating_result.official_website_amount).toBe(3290);

    await emu.control('PUT', '/billing/discount', { rate: 0.9 });
    const discounted = await rate([phone({ subscription_num: 1 })]);
    expect(discounted.json.optional_discount_rating_results[0]).toMatchObject({
      amount: 269.1,
      official_website_amount: 299,
      discount_amount: 29.9,
      best_offer: 1,
    });
    const prices = await emu.control('GET', '/billing/prices');
    expect(prices.monthly['kp.professional.xlarge.32g.2']).toEqual({ 4: 299, 6: 329 });
  });

  it('the documented errors: unsold band size, unknown service type, unsold period, over 100 product infos', async () => {
    const band = await rate([phone({ resource_size: 5 })]);
    expect([band.status, band.json.error_code]).toEqual([400, 'CBC.0100']);
    const service = await rate([phone({ cloud_service_type: 'hws.service.type.ecs' })]);
    expect(service.json.error_code).toBe('CBC.3006');
    const period = await rate([phone({ period_type: 3, period_num: 5 })]);
    expect(period.json.error_code).toBe('CBC.30050008');
    const many = await rate(Array.from({ length: 101 }, (_, i) => phone({ id: `p${i}` })));
    expect(many.json.error_code).toBe('CBC.0100');
    const duplicate = await rate([phone(), phone()]);
    expect(duplicate.json.error_code).toBe('CBC.0100');
    expect((await emu.control('GET', '/counters')).counters['bss-rate']).toBe(5);
  });

  it('needs the caller authenticated like every billing call', async () => {
    const res = await emu.api('POST', '/v2/bills/ratings/period-resources/subscribe-rate', {
      body: { project_id: 'p', product_infos: [phone()] },
      requestId: false,
      token: null,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
