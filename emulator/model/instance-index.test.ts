import { InstanceStore, sortRecords } from './instance-index';
import type { InstanceRecord } from './state';

let created = 0;
function phone(instanceName: string, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  created++;
  return {
    instanceId: `id${String(created).padStart(4, '0')}`,
    instanceName,
    tenantDomainId: 't1',
    orderId: null,
    createdAt: 1000 + created,
    ...extra,
  } as InstanceRecord;
}

const names = (list: readonly InstanceRecord[]) => list.map((i) => i.instanceName);

describe('InstanceStore: the indexes batch-query, create and billing read', () => {
  it('numbers a stem after the highest sequence it has seen, even once that phone is gone', () => {
    const store = new InstanceStore();
    const a = phone('grp-00007');
    store.set(a.instanceId, a);
    store.set('x', phone('grp-x-00009'));
    expect(store.highestSequence('t1', 'grp')).toBe(7);
    expect(store.highestSequence('t1', 'grp-x')).toBe(9);
    expect(store.highestSequence('t2', 'grp')).toBe(0);
    store.delete(a.instanceId);
    expect(store.highestSequence('t1', 'grp')).toBe(7);
  });

  it('finds substrings of names through stems, in creation order, with the ids a full scan would find', () => {
    const store = new InstanceStore();
    const all = [
      phone('fleet-a-00001'),
      phone('seeded one'),
      phone('fleet-b-00001'),
      phone('fleet-a-00002'),
      phone('other-00010'),
      phone('fleet-a-00011'),
      phone('x', { tenantDomainId: 't2' }),
    ];
    for (const p of all) store.set(p.instanceId, p);
    for (const part of ['fleet-a', 'fleet-', 'a-0000', '-0001', '00001', '1', 'one', 'zzz', '', 'x']) {
      const scan = all.filter((p) => p.tenantDomainId === 't1' && p.instanceName.includes(part));
      expect(names(store.namedOfTenant('t1', part))).toEqual(names(scan));
    }
  });

  it('keeps sorted listings current as phones come and go, equal keys in creation order', () => {
    const store = new InstanceStore();
    const add = (p: InstanceRecord) => store.set(p.instanceId, p);
    const scan = () => [...store.ofTenant('t1').values()];
    add(phone('b-00001', { createdAt: 5 }));
    add(phone('a-00001', { createdAt: 5 }));
    for (const key of ['create_time', 'instance_name', 'instance_id'] as const)
      for (const desc of [false, true]) expect(store.sortedOfTenant('t1', key, desc)).toHaveLength(2);
    const gone = phone('c-00001', { createdAt: 4 });
    add(gone);
    add(phone('a-00002', { createdAt: 5 }));
    add(phone('d-00001', { createdAt: 9 }));
    store.delete(gone.instanceId);
    add(phone('a-00003', { createdAt: 1 }));
    for (const key of ['create_time', 'instance_name', 'instance_id'] as const)
      for (const desc of [false, true])
        expect(names(store.sortedOfTenant('t1', key, desc))).toEqual(names(sortRecords(scan(), key, desc)));
    expect(names(store.sortedOfTenant('t1', 'create_time', false))).toEqual([
      'a-00003',
      'b-00001',
      'a-00001',
      'a-00002',
      'd-00001',
    ]);
  });

  it("finds an order's phones; a replayed record keeps its place", () => {
    const store = new InstanceStore();
    const [a, b, c] = [phone('o-00001', { orderId: 'O1' }), phone('o-00002', { orderId: 'O1' }), phone('p-00001')];
    for (const p of [a, b, c]) store.set(p.instanceId, p);
    expect(store.ofOrder('O1').map((p) => p.instanceId)).toEqual([a.instanceId, b.instanceId]);
    store.restore(a.instanceId, { ...a, runningStatus: 2 });
    expect([...store.ofTenant('t1').keys()]).toEqual([a.instanceId, b.instanceId, c.instanceId]);
    expect(store.ofOrder('O1')[0].runningStatus).toBe(2);
    expect(store.sortedOfTenant('t1', 'instance_name', false)[0].runningStatus).toBe(2);
    store.restore(b.instanceId, null);
    expect(store.ofOrder('O1')).toHaveLength(1);
    store.clear();
    expect(store.ofOrder('O1')).toHaveLength(0);
    expect(store.ofTenant('t1').size).toBe(0);
  });
});
