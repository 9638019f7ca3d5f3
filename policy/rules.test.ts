import {
  credentialViolations,
  groupSizeViolations,
  kooPhoneKind,
  monthlyCostViolations,
  regionViolations,
  resetViolations,
  skuViolations,
  stackPhoneViolations,
  type PolicyResource,
} from './rules';

/** The pack's policies on resources as the analyzer shows them, for the dynamic and the native types. */
describe('KooPhone policy pack rules', () => {
  const group = (name: string, size: number, over: Record<string, unknown> = {}, native = false): PolicyResource => ({
    type: native ? 'koophone:index:InstanceGroup' : 'pulumi-nodejs:dynamic/koophone:InstanceGroup',
    name,
    urn: `urn:pulumi:prod::app::koophone:index:InstanceGroup::${name}`,
    props: {
      size,
      instanceSkuId: 'kp.professional.xlarge.32g.2',
      bandSize: 4,
      regionId: 'cn-north-4',
      ...over,
    },
  });
  const phone = (name: string, over: Record<string, unknown> = {}): PolicyResource => ({
    ...group(name, 0, over),
    type: 'koophone:index:Instance',
  });

  it('knows both providers’ types and nothing else', () => {
    expect(kooPhoneKind('pulumi-nodejs:dynamic/koophone:Instance')).toBe('Instance');
    expect(kooPhoneKind('koophone:index:InstanceGroup')).toBe('InstanceGroup');
    expect(kooPhoneKind('koophone:index:PhoneReset')).toBe('PhoneReset');
    expect(kooPhoneKind('aws:s3:Bucket')).toBeUndefined();
  });

  it('koophone-allowed-regions and koophone-allowed-skus: one violation, one pass', () => {
    expect(regionViolations(group('far', 2, { regionId: 'cn-north-7' }), ['cn-north-4'])).toEqual([
      'far buys phones in region "cn-north-7", which is not allowed; allowed regions: cn-north-4',
    ]);
    expect(regionViolations(phone('near'), ['cn-north-4'])).toEqual([]);
    expect(
      skuViolations(group('big', 2, { instanceSkuId: 'kp.enterprise.2xlarge.128g.2' }, true), [
        'kp.professional.xlarge.32g.2',
      ]),
    ).toHaveLength(1);
    expect(skuViolations(phone('ok'), ['kp.professional.xlarge.32g.2'])).toEqual([]);
  });

  it('koophone-max-phones: per group and per stack', () => {
    expect(groupSizeViolations(group('fleet', 40), 30)).toEqual(['fleet has 40 phones, more than maxPerGroup = 30']);
    expect(groupSizeViolations(group('fleet', 30), 30)).toEqual([]);
    const stack = [group('a', 20), group('b', 20, {}, true), phone('p')];
    expect(stackPhoneViolations(stack, 40)).toEqual(['the stack declares 41 phones, more than maxPerStack = 40']);
    expect(stackPhoneViolations(stack, 41)).toEqual([]);
    // An adopted phone is not bought.
    expect(stackPhoneViolations([phone('adopted', { adoptInstanceId: 'x' })], 0)).toEqual([]);
  });

  it('koophone-max-monthly-cost: list price per phone-month, unknown prices named', () => {
    expect(monthlyCostViolations([group('fleet', 40)], { maxMonthlyAmount: 10000 })).toEqual([
      "the stack's phones cost CNY 11960.00 a month at list price, more than maxMonthlyAmount = CNY 10000.00",
    ]);
    expect(monthlyCostViolations([group('fleet', 30)], { maxMonthlyAmount: 10000 })).toEqual([]);
    expect(monthlyCostViolations([group('odd', 1, { bandSize: 5 })], { maxMonthlyAmount: 10000 })[0]).toMatch(
      /no list price is configured for odd \(kp\.professional\.xlarge\.32g\.2 with 5 Mbit\/s\)/,
    );
  });

  it('koophone-protect-reset: confirmDataLoss required, protected stacks refused', () => {
    const reset = (confirm: boolean): PolicyResource => ({
      type: 'pulumi-nodejs:dynamic/koophone:PhoneReset',
      name: 'wipe',
      urn: 'urn:pulumi:prod::app::koophone:index:PhoneReset::wipe',
      props: { instanceIds: ['a'], confirmDataLoss: confirm },
    });
    expect(resetViolations(reset(false), [])).toEqual([
      'wipe resets phones (wiping their data) without confirmDataLoss: true',
    ]);
    expect(resetViolations(reset(true), ['prod'])).toEqual(['wipe resets phones on the protected stack "prod"']);
    expect(resetViolations(reset(true), ['staging'])).toEqual([]);
  });

  it('koophone-secret-credentials: no credential as a resource or provider input', () => {
    const provider: PolicyResource = {
      type: 'pulumi:providers:koophone',
      name: 'kp',
      urn: 'urn:pulumi:prod::app::pulumi:providers:koophone::kp',
      props: { region: 'cn-north-4', password: 'hunter2' },
    };
    expect(credentialViolations(provider)[0]).toMatch(/kp carries password as an input/);
    expect(credentialViolations({ ...provider, props: { region: 'cn-north-4' } })).toEqual([]);
  });
});
