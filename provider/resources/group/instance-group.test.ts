import { instanceGroupInputsSchema, type InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import { instanceGroupProvider as provider } from './instance-group';

const spec = { os: 'AOSP11', instanceSkuId: 'kp.professional.xlarge.32g.2', bandSize: 4, regionId: 'cn-north-4' };
const inputs = (extra: Record<string, unknown> = {}) => ({
  ...instanceGroupInputsSchema.parse({ size: 3, namePrefix: 'fleet', createKey: 'abcde', ...spec, ...extra }),
  uniqueNamePrefix: 'fleet-abcde',
});
const state = (extra: Partial<InstanceGroupOutputs> = {}): InstanceGroupOutputs => ({
  ...inputs(),
  instanceIds: ['a', 'b', 'c'],
  instances: [],
  orderIds: ['CS1'],
  nextOrderSeq: 1,
  pendingOrders: [],
  ...extra,
});

describe('InstanceGroup provider', () => {
  it('check keeps the group name prefix for its life and names the invalid field', async () => {
    const olds = state();
    const { inputs: checked } = await provider.check!(olds, {
      ...spec,
      size: 5,
      namePrefix: 'fleet',
      createKey: 'zzzzz',
    } as never);
    expect(checked).toMatchObject({ uniqueNamePrefix: 'fleet-abcde', size: 5 });
    const bad = await provider.check!(olds, { ...spec, size: 10_001, namePrefix: 'toolong' } as never);
    expect(bad.failures?.map((f) => f.property).sort()).toEqual(['namePrefix', 'size']);
  });

  it('diff: size and billing change in place, spec replaces (old phones first), drift and pending orders need an up', async () => {
    const diff = (olds: InstanceGroupOutputs, news: ReturnType<typeof inputs>) =>
      provider.diff!('fleet-abcde', olds, news);
    expect(await diff(state(), inputs())).toMatchObject({ changes: false, replaces: [] });
    expect(await diff(state(), inputs({ size: 7 }))).toMatchObject({ changes: true, replaces: [] });
    expect(await diff(state(), inputs({ charge: { autoRenew: true } }))).toMatchObject({ changes: true, replaces: [] });
    expect(await diff(state(), inputs({ bandSize: 8 }))).toMatchObject({
      changes: true,
      replaces: ['bandSize'],
      deleteBeforeReplace: true,
    });
    expect(await diff(state({ instanceIds: ['a', 'c'] }), inputs())).toMatchObject({ changes: true, replaces: [] });
    expect(
      await diff(state({ pendingOrders: [{ seq: 1, prefix: 'fleet-abcde001', slots: [3] }] }), inputs()),
    ).toMatchObject({ changes: true });
  });

  it('diff: a member whose auto-renew or expiry action was changed in the Billing Center is drift, repaired in place', async () => {
    const member = (instanceId: string, expiryAction: 'renew' | 'release' | 'toPayPerUse') => ({
      slot: 0,
      instanceId,
      instanceName: 'x',
      status: 'running' as const,
      expireTime: '2030-01-01T00:00:00Z',
      subscriptionStatus: 'active',
      expiryAction,
    });
    const withMembers = (...instances: ReturnType<typeof member>[]) => state({ instances });
    const clean = withMembers(member('a', 'release'), member('b', 'release'));
    expect(await provider.diff!('g', clean, inputs())).toMatchObject({ changes: false });
    const renewedInBillingCenter = withMembers(member('a', 'release'), member('b', 'renew'));
    expect(await provider.diff!('g', renewedInBillingCenter, inputs())).toMatchObject({ changes: true, replaces: [] });
    // Auto-renew is read from the expiry action: members that renew match a group declared to renew.
    const renewing = { ...withMembers(member('a', 'renew')), charge: inputs({ charge: { autoRenew: true } }).charge };
    expect(await provider.diff!('g', renewing, inputs({ charge: { autoRenew: true } }))).toMatchObject({
      changes: false,
    });
    expect(await provider.diff!('g', renewing, inputs({ charge: { autoRenew: false } }))).toMatchObject({
      changes: true,
    });
    const payPerUse = withMembers(member('a', 'toPayPerUse'));
    expect(await provider.diff!('g', payPerUse, inputs({ expirePolicy: 'release' }))).toMatchObject({ changes: true });
    expect(await provider.diff!('g', payPerUse, inputs())).toMatchObject({ changes: false }); // not declared: left as is
  });

  it('check refuses expirePolicy toPayPerUse with charge.autoRenew true, naming the field', async () => {
    const res = await provider.check!(
      undefined as never,
      {
        ...spec,
        size: 2,
        expirePolicy: 'toPayPerUse',
        charge: { autoRenew: true },
      } as never,
    );
    expect(res.failures).toEqual([
      { property: 'expirePolicy', reason: expect.stringContaining('cannot be combined with charge.autoRenew: true') },
    ]);
  });
});
