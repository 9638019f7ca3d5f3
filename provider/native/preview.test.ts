import { previewGroupUpdate, previewInstanceUpdate } from './preview';
import { UNKNOWN_VALUE } from './properties';

const member = (slot: number) => ({ slot, instanceId: `id${slot}`, expiryAction: 'release' });
const group = {
  size: 3,
  charge: { autoRenew: false },
  instanceIds: ['id0', 'id1', 'id2'],
  instances: [member(0), member(1), member(2)],
  orderIds: ['o1'],
  nextOrderSeq: 1,
};

describe('previewGroupUpdate', () => {
  test('growing keeps the existing slots and leaves only the new ones unknown', () => {
    const outs = previewGroupUpdate(group, { ...group, size: 5 });
    expect(outs.instanceIds).toEqual(['id0', 'id1', 'id2', UNKNOWN_VALUE, UNKNOWN_VALUE]);
    expect((outs.instances as unknown[]).slice(0, 3)).toEqual(group.instances);
    expect([outs.orderIds, outs.nextOrderSeq]).toEqual([UNKNOWN_VALUE, UNKNOWN_VALUE]);
  });

  test('shrinking drops the highest slots', () => {
    expect(previewGroupUpdate(group, { ...group, size: 1 }).instanceIds).toEqual(['id0']);
  });

  test('an auto-renew toggle keeps every id and shows the new expiry action on each member', () => {
    const outs = previewGroupUpdate(group, { ...group, charge: { autoRenew: true } });
    expect(outs.instanceIds).toEqual(group.instanceIds);
    expect(outs.instances as Record<string, unknown>[]).toEqual(
      [0, 1, 2].map((slot) => ({ slot, instanceId: `id${slot}`, expiryAction: 'renew' })),
    );
    expect(outs.orderIds).toEqual(['o1']);
  });

  test('an unknown size leaves the members unknown', () => {
    expect(previewGroupUpdate(group, { ...group, size: UNKNOWN_VALUE }).instanceIds).toBe(UNKNOWN_VALUE);
  });
});

test('previewInstanceUpdate: the phone stays, a toggled auto-renew is known', () => {
  const olds = { instanceId: 'id0', autoRenew: false, expiryAction: 'release', charge: { autoRenew: false } };
  const outs = previewInstanceUpdate(olds, { charge: { autoRenew: true } });
  expect([outs.instanceId, outs.autoRenew, outs.expiryAction]).toEqual(['id0', true, 'renew']);
});
