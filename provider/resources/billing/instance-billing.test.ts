import { KooPhoneClient } from '../../client';
import { DEMO_CREDENTIALS, EmulatorHarness } from '../../../emulator/testing/emulator-harness';
import { instanceInputsSchema, type InstanceOutputs } from '../../schemas/resources/instance';
import { applyChargeChange, autoRenewDrifted, readSubscription, withSubscription } from './instance-billing';
import { setLogSink } from '../core/progress';

const inputs = instanceInputsSchema.parse({
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});

describe('Instance billing changes (through the billing API, never a replacement)', () => {
  let emu: EmulatorHarness;
  let client: KooPhoneClient;
  let id: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    client = new KooPhoneClient({
      endpoint: emu.url,
      billingEndpoint: emu.url,
      auth: { kind: 'password', ...DEMO_CREDENTIALS },
    });
    setLogSink(({ severity, message }) => severity === 'warning' && warnings.push(message));
  });
  beforeEach(async () => {
    warnings.length = 0;
    await emu.control('POST', '/reset');
    [id] = await emu.seedInstances([{ instanceName: 'b-00001' }]);
  });
  afterAll(async () => {
    setLogSink(undefined);
    await client.close();
    await emu.close();
  });

  it('turns auto-renew on for the existing subscription and reads it back', async () => {
    const olds = { ...inputs, instanceId: id } as InstanceOutputs;
    const news = { ...inputs, charge: { ...inputs.charge, autoRenew: true }, resourceUrn: 'urn:x' };
    await applyChargeChange(client, id, olds, news);
    const sub = await readSubscription(client, id);
    expect(sub).toMatchObject({
      autoRenew: true,
      subscriptionStatus: 'active',
      expireTime: expect.stringMatching(/Z$/),
    });
    expect((await emu.control('GET', '/counters')).counters).toMatchObject({
      'bss-autorenew-on': 1,
      create: 0,
      delete: 0,
    });
    expect(warnings).toEqual([]);
  });

  it('records period changes with a warning and sends no billing call when auto-renew already matches', async () => {
    const olds = { ...inputs, instanceId: id, autoRenew: false } as InstanceOutputs;
    await applyChargeChange(client, id, olds, {
      ...inputs,
      charge: { ...inputs.charge, periodNum: 3 },
      resourceUrn: 'urn:x',
    });
    const counters = (await emu.control('GET', '/counters')).counters;
    expect([counters['bss-autorenew-on'], counters['bss-autorenew-off']]).toEqual([0, 0]);
    expect(warnings).toEqual([
      expect.stringMatching(/charge\.periodNum changed: recorded for a phone bought from now on/),
    ]);
  });

  it('a Billing Center change shows as drift; a phone without subscription drops stale outputs', async () => {
    await emu.control('POST', `/subscriptions/${id}`, { autoRenew: true });
    const sub = await readSubscription(client, id);
    const refreshed = withSubscription({ ...inputs, instanceId: id } as InstanceOutputs, sub);
    expect(autoRenewDrifted(refreshed, inputs)).toBe(true);
    expect(withSubscription(refreshed, undefined)).not.toHaveProperty('expireTime');
    expect(await readSubscription(client, 'nosuchid')).toBeUndefined();
  });
});
