import { EmulatorHarness } from '../testing/emulator-harness';

describe('sku (docs/api/endpoints.md#sku)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  afterAll(() => emu.close());

  it('returns the camelCase catalogue with the contract SKUs in cn-north-4 and cn-north-7', async () => {
    const res = await emu.api('GET', '/v1/instances/sku?type=0', { requestId: false });
    expect(res.status).toBe(200);
    expect(res.json.error_code).toBe('0');
    expect(res.json.error_msg).toBe('return sku messages success');
    expect(res.json.data.bandInfo).toEqual({ id: 62, cbcSkuId: 'kp.bandwidth' });
    expect(res.json.data.skuSpecResponseList.map((r: { regionId: string }) => r.regionId)).toEqual([
      'cn-north-4',
      'cn-north-7',
    ]);
    const skus = res.json.data.skuSpecResponseList[0].skuResponses as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const pro = skus.find((s) => s.cbcSkuId === 'kp.professional.xlarge.32g.2')!;
    expect(pro).toMatchObject({ type: 'PROFESSIONAL', bandSize: '4,6', chargeMode: 2 });
    expect(pro.poolInfo.aosp.map((p: { version: string; network: string }) => `${p.version}/${p.network}`)).toEqual([
      'AOSP9/EIP',
      'AOSP11/EIP',
      'AOSP14/EIP',
    ]);
    const ent = skus.find((s) => s.cbcSkuId === 'kp.enterprise.2xlarge.128g.2')!;
    expect(ent).toMatchObject({ type: 'ENTERPRISE', bandSize: '4,8', chargeMode: 0 });
    expect(ent.poolInfo.aosp.map((p: { version: string; network: string }) => `${p.version}/${p.network}`)).toEqual([
      'AOSP11/EIP',
      'AOSP11/ADN',
      'AOSP14/EIP',
      'AOSP14/ADN',
    ]);
    expect(Object.keys(ent).sort()).toEqual(
      [
        'bandSize',
        'calcSpec',
        'cbcSkuId',
        'chargeMode',
        'maxResolution',
        'name',
        'nestInfo',
        'poolInfo',
        'resourceSize',
        'specDesc',
        'specDescEn',
        'storageSpec',
        'type',
      ].sort(),
    );
    expect(ent.poolInfo.aosp[0]).toEqual({
      version: 'AOSP11',
      resPoolId: expect.stringMatching(/^\d+$/),
      id: expect.any(Number),
      network: 'EIP',
      enable: true,
    });
  });

  it('requires type=0 (1000 for a missing, other or repeated type, or an unknown parameter)', async () => {
    for (const query of ['', '?type=1', '?type=0&type=0', '?type=0&region=cn-north-4']) {
      const res = await emu.api('GET', `/v1/instances/sku${query}`);
      expect([query, res.status, res.json.error_code]).toEqual([query, 400, 'KOOPHONE.API.1000']);
    }
  });
});
