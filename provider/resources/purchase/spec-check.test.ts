import { startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';
import { instanceInputsSchema } from '../../schemas/resources/instance';
import { UNKNOWN_VALUE } from '../core/check-inputs';
import { instanceProvider } from '../instance/instance';

/** The preview check against the emulator's real SKU catalogue, over HTTP: what is not sold fails before buying. */
describe('Instance check against the SKU catalogue', () => {
  let emulator: EmulatorRuntime;
  const base = {
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
    namePrefix: 'kp',
    createKey: 'abcde',
  };
  const check = async (news: Record<string, unknown>, olds: Record<string, unknown> = {}) =>
    instanceProvider.check!(olds as never, news as never);

  beforeAll(async () => {
    emulator = await startEmulatorRuntime();
    await emulator.resetCounters();
  });
  afterAll(() => emulator.close());

  test.each([
    ['bandSize', { bandSize: 5 }, /5 Mbit\/s is not sold with kp\.professional\.xlarge\.32g\.2; choose one of 4, 6/],
    ['regionId', { regionId: 'eu-west-9' }, /"eu-west-9" is not a region .* sells in "cn-north-4", "cn-north-7"/],
    [
      'instanceSkuId',
      { instanceSkuId: 'kp.nope' },
      /"kp\.nope" is not sold in cn-north-4; yearly\/monthly SKUs there: .*kp\.professional\.xlarge\.32g\.2/,
    ],
    ['instanceSkuId', { instanceSkuId: 'kp.professional.large.16g.1' }, /sold pay-per-use only/],
    [
      'os',
      { instanceSkuId: 'kp.enterprise.2xlarge.128g.2', os: 'AOSP9' },
      /no enabled AOSP9 pool on the EIP network; available there: "AOSP11"/,
    ],
    [
      'network',
      { instanceSkuId: 'kp.professional.2xlarge.128g.2', bandSize: 8, network: 'ADN' },
      /no enabled AOSP11 pool on the ADN network.*available on "EIP"/,
    ],
    ['bandSkuId', { bandSkuId: 'kp.band.other' }, /use "kp\.bandwidth"/],
  ])('names %s with what the catalogue sells', async (property, change, reason) => {
    const result = await check({ ...base, ...change });
    expect(result.failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  test('passes a sold spec, skips fields unknown at preview, and reads the catalogue once per process', async () => {
    await emulator.resetCounters();
    expect((await check(base)).inputs).toBeDefined();
    expect((await check({ ...base, regionId: UNKNOWN_VALUE })).failures ?? []).toEqual([]);
    expect((await check({ ...base, bandSize: UNKNOWN_VALUE })).failures ?? []).toEqual([]);
    const calls = await emulator.counters();
    // No SKU read (cached by the table above), no create, no listing: only the plan line's price inquiry (and the
    // IAM calls it needs), once: a spec with a field unknown at preview is priced at apply time.
    const pricing = ['bss-rate', 'iam-tokens', 'iam-projects'];
    expect(Object.entries(calls).filter(([op, n]) => n > 0 && !pricing.includes(op))).toEqual([]);
    expect(calls['bss-rate']).toBe(1);
  });

  test('an unchanged spec of an existing phone is not re-checked (a spec no longer sold must not block its stack)', async () => {
    const olds = instanceInputsSchema.parse({ ...base, os: 'AOSP9', instanceSkuId: 'kp.enterprise.2xlarge.128g.2' });
    const result = await check(
      { ...base, os: 'AOSP9', instanceSkuId: 'kp.enterprise.2xlarge.128g.2' },
      { ...olds, uniqueNamePrefix: 'kp-abcde' },
    );
    expect(result.failures ?? []).toEqual([]);
    const changed = await check(
      { ...base, os: 'AOSP9', instanceSkuId: 'kp.enterprise.2xlarge.128g.2', bandSize: 8 },
      { ...olds, uniqueNamePrefix: 'kp-abcde' },
    );
    expect(changed.failures?.map((f) => f.property)).toEqual(['os']);
  });
});
