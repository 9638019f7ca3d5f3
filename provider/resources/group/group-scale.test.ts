import { instanceGroupInputsSchema, type InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import { instanceGroupProvider } from './instance-group';
import { setLogSink } from '../core/progress';
import { configureRuntimeFor, startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

/**
 * Issue 20's 10,000-phone group, by call counts against the in-process emulator (the wall times are `make bench`'s):
 * 7 orders of ≤ 1,500; a refresh is the floor of 100 listing pages, 20 billing pages of 500 and the token; a destroy
 * is ≤ 100 delete calls and leaves no phone.
 */
const SIZE = 10_000;

describe('an InstanceGroup of 10,000 phones against the emulator', () => {
  let rt: EmulatorRuntime;
  beforeAll(async () => {
    setLogSink(() => undefined);
    rt = await startEmulatorRuntime({ provisionSeconds: 0, releaseSeconds: 0 });
  });
  afterAll(async () => {
    setLogSink(undefined);
    await rt.close();
  });
  const used = (counters: Record<string, number>) =>
    Object.fromEntries(Object.entries(counters).filter(([, n]) => n > 0));
  const total = (counters: Record<string, number>) => Object.values(counters).reduce((a, n) => a + n, 0);

  it('buys it in 7 orders, refreshes it in ≤ 125 calls, destroys it in ≤ 100 delete calls', async () => {
    const inputs = {
      ...instanceGroupInputsSchema.parse({
        size: SIZE,
        os: 'AOSP11',
        instanceSkuId: 'kp.professional.xlarge.32g.2',
        bandSize: 4,
        regionId: 'cn-north-4',
        charge: { periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false },
      }),
      uniqueNamePrefix: 'fleet-scale',
    };
    const created = await instanceGroupProvider.create(inputs);
    const outs = created.outs as InstanceGroupOutputs;
    expect(outs.instanceIds).toHaveLength(SIZE);
    expect(outs.orderIds).toHaveLength(7);
    expect(used(await rt.counters())).toMatchObject({ create: 7 });

    // A refresh is a new provider process: a fresh runtime, so the token is counted as the engine's refresh pays it.
    configureRuntimeFor(rt.emulator.url);
    await rt.resetCounters();
    const read = (await instanceGroupProvider.read!(created.id, outs)).props as InstanceGroupOutputs;
    const refresh = await rt.counters();
    expect(used(refresh)).toEqual({ 'iam-tokens': 1, 'batch-query': 100, 'bss-query': 20 });
    expect(total(refresh)).toBeLessThanOrEqual(125);
    expect(read.instances.filter((m) => m.status === 'running')).toHaveLength(SIZE);

    await rt.resetCounters();
    await instanceGroupProvider.delete!(created.id, read);
    expect((await rt.counters()).delete).toBeLessThanOrEqual(100);
    const left = await rt.control<{ instances: unknown[] }>('GET', '/instances');
    expect(left.instances).toHaveLength(0);
  }, 180_000);
});
