import { KooPhoneOutcomeUnknownError, PayPerUseNotDeletableError, type KooPhoneClient } from '../../client';
import { instanceGroupInputsSchema, type InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import { deleteGroup, readGroup, syncGroup, type GroupEnv, type GroupTarget } from './group-sync';
import { InstanceDirectory, type InstanceRecord } from '../batching/instance-directory';
import { PartialStateError } from '../core/partial-state';
import { progressFor, setLogSink } from '../core/progress';
import { fakeBilling } from '../core/testing/fake-billing';

const PREFIX = 'fleet-abcde';
const target = (size: number, extra: Record<string, unknown> = {}): GroupTarget => ({
  ...instanceGroupInputsSchema.parse({
    size,
    os: 'AOSP11',
    instanceSkuId: 'kp.professional.xlarge.32g.2',
    bandSize: 4,
    regionId: 'cn-north-4',
    ...extra,
  }),
  uniqueNamePrefix: PREFIX,
});
const unknown = () =>
  new KooPhoneOutcomeUnknownError({ code: 'HTTP 503', explanation: 'no answer', requestId: 'r-1', endpoint: 'create' });

/** An in-process tenant: create/delete/list over a phone store, with scripted faults and call counts. */
function fakeTenant() {
  const phones: InstanceRecord[] = [];
  const calls = { create: 0, delete: 0, list: 0, createCounts: [] as number[], deleteSizes: [] as number[] };
  /** `listFailsAfterLostCreate`: batch-query goes down as soon as a create's answer is lost. */
  const faults = {
    createLostAfterApply: 0,
    listFailsAfterLostCreate: false,
    listFails: false,
    payPerUse: new Set<string>(),
  };
  let nextId = 0;
  const bss = fakeBilling();
  const client = {
    billing: bss.billing,
    async createInstances(req: { instanceNamePrefix: string; count: number }) {
      calls.create++;
      calls.createCounts.push(req.count);
      const made = Array.from({ length: req.count }, (_, i) => {
        const phone = {
          instance_id: `id${nextId++}`,
          instance_name: `${req.instanceNamePrefix}-${String(i + 1).padStart(5, '0')}`,
          running_status: 2,
        } as InstanceRecord;
        phones.push(phone);
        bss.subscribe(phone.instance_id, { orderId: `CS${calls.create}` });
        return phone;
      });
      if (faults.createLostAfterApply > 0) {
        faults.createLostAfterApply--;
        faults.listFails = faults.listFailsAfterLostCreate;
        throw unknown();
      }
      return {
        orderId: `CS${calls.create}`,
        instanceInfos: made.map((p) => ({ instanceId: p.instance_id, instanceName: p.instance_name })),
      };
    },
    async deleteInstances(ids: string[]) {
      calls.delete++;
      calls.deleteSizes.push(ids.length);
      if (ids.some((id) => faults.payPerUse.has(id))) {
        throw new PayPerUseNotDeletableError({
          status: 400,
          code: 'KOOPHONE.API.5001',
          apiMessage: 'pay-per-use',
          requestId: 'r',
          endpoint: 'delete',
        });
      }
      for (const id of ids)
        phones.splice(
          phones.findIndex((p) => p.instance_id === id),
          1,
        );
    },
  } as unknown as KooPhoneClient;
  const directory = new InstanceDirectory(async () => {
    calls.list++;
    if (faults.listFails) throw new Error('batch-query is down');
    return phones.map((p) => ({ ...p }));
  }, 0);
  const statuses: string[] = [];
  setLogSink((e) => statuses.push(e.message));
  const env: GroupEnv = {
    client,
    directory,
    pollIntervalMs: 1,
    progress: progressFor('urn:pulumi:s::p::koophone:InstanceGroup::fleet', 0),
  };
  return { phones, calls, faults, env, statuses, bss };
}

const slotIds = (outs: InstanceGroupOutputs) => outs.instances.map((m) => [m.slot, m.instanceId]);

describe('InstanceGroup sync', () => {
  beforeAll(() => (process.env.KOOPHONE_ORDER_LOOKUP_SECONDS = '0.5'));
  afterAll(() => setLogSink(undefined));

  it('buys a group in one order, slots 0…n-1 in name order, and reports progress', async () => {
    const t = fakeTenant();
    const outs = await syncGroup(t.env, PREFIX, target(5), undefined);
    expect(t.calls.create).toBe(1);
    expect(outs.instanceIds).toEqual(['id0', 'id1', 'id2', 'id3', 'id4']);
    expect(outs.instances.map((m) => m.instanceName)).toEqual([1, 2, 3, 4, 5].map((i) => `${PREFIX}000-0000${i}`));
    expect(outs).toMatchObject({ orderIds: ['CS1'], nextOrderSeq: 1, pendingOrders: [] });
    expect(t.statuses).toContain('phones running: 5/5');
  });

  it('orders k phones in ceil(k/1500) orders', async () => {
    const t = fakeTenant();
    const outs = await syncGroup(t.env, PREFIX, target(3200, { waitForReady: false }), undefined);
    expect(t.calls.createCounts).toEqual([1500, 1500, 200]);
    expect(outs.instanceIds).toHaveLength(3200);
    expect(outs.nextOrderSeq).toBe(3);
  });

  it('grows with one order for the new slots only, and keeps every existing slot', async () => {
    const t = fakeTenant();
    const five = await syncGroup(t.env, PREFIX, target(5), undefined);
    const seven = await syncGroup(t.env, PREFIX, target(7), five);
    expect(t.calls.createCounts).toEqual([5, 2]);
    expect(slotIds(seven).slice(0, 5)).toEqual(slotIds(five));
    expect(seven.instances.slice(5).map((m) => m.instanceName)).toEqual([`${PREFIX}001-00001`, `${PREFIX}001-00002`]);
  });

  it('re-buys a member lost out of band into its own slot, in one order', async () => {
    const t = fakeTenant();
    const before = await syncGroup(t.env, PREFIX, target(5), undefined);
    t.phones.splice(
      t.phones.findIndex((p) => p.instance_id === 'id2'),
      1,
    );
    const refreshed = await readGroup(t.env, before);
    expect(refreshed.instanceIds).toEqual(['id0', 'id1', 'id3', 'id4']);
    const after = await syncGroup(t.env, PREFIX, target(5), refreshed);
    expect(t.calls.create).toBe(2);
    expect(after.instanceIds).toEqual(['id0', 'id1', 'id5', 'id3', 'id4']);
  });

  it('shrinks by unsubscribing the highest slots in delete calls of at most 100 ids', async () => {
    const t = fakeTenant();
    const big = await syncGroup(t.env, PREFIX, target(250, { waitForReady: false }), undefined);
    const small = await syncGroup(t.env, PREFIX, target(20), big);
    expect(t.calls.deleteSizes).toEqual([100, 100, 30]);
    expect(small.instanceIds).toEqual(big.instanceIds.slice(0, 20));
    expect(t.phones).toHaveLength(20);
    expect(t.calls.create).toBe(1);
  });

  it('keeps a phone the API refuses to delete (pay-per-use) in the group and fails clearly', async () => {
    const t = fakeTenant();
    const three = await syncGroup(t.env, PREFIX, target(3), undefined);
    t.faults.payPerUse.add('id2');
    const err = await syncGroup(t.env, PREFIX, target(2), three).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialStateError);
    expect((err as Error).message).toMatch(/5001/);
    expect(((err as PartialStateError).properties as InstanceGroupOutputs).instanceIds).toEqual(['id0', 'id1', 'id2']);
  });

  it('takes back the phones of an up killed before it saved state, instead of buying them again', async () => {
    const t = fakeTenant();
    await syncGroup(t.env, PREFIX, target(4), undefined); // the killed up: bought, state never saved
    const again = await syncGroup(t.env, PREFIX, target(4), undefined);
    expect(t.calls.create).toBe(1);
    expect(again.instanceIds).toEqual(['id0', 'id1', 'id2', 'id3']);
    expect(again.nextOrderSeq).toBe(1);
  });

  it('keeps an order whose outcome stays unknown in state, and the next sync resolves it by name without buying', async () => {
    const t = fakeTenant();
    t.faults.createLostAfterApply = 1;
    t.faults.listFailsAfterLostCreate = true;
    const err = await syncGroup(t.env, PREFIX, target(5), undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialStateError);
    const kept = (err as PartialStateError).properties as InstanceGroupOutputs;
    expect(kept.pendingOrders).toEqual([{ seq: 0, prefix: `${PREFIX}000`, slots: [0, 1, 2, 3, 4] }]);
    expect(kept.instanceIds).toEqual([]);

    t.faults.listFails = false;
    const resumed = await syncGroup(t.env, PREFIX, target(5), kept);
    expect(t.calls.create).toBe(1);
    expect(resumed.instanceIds).toHaveLength(5);
    expect(resumed.pendingOrders).toEqual([]);
    expect(t.phones).toHaveLength(5);
  });

  it("when the second of two orders stays unconfirmed, the first order's phones and the second order are both kept", async () => {
    const t = fakeTenant();
    const create = t.env.client.createInstances.bind(t.env.client);
    t.env.client.createInstances = async (req) => {
      if (t.calls.create === 1) {
        t.faults.createLostAfterApply = 1;
        t.faults.listFailsAfterLostCreate = true;
      }
      return create(req);
    };
    const err = await syncGroup(t.env, PREFIX, target(1600, { waitForReady: false }), undefined).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PartialStateError);
    const kept = (err as PartialStateError).properties as InstanceGroupOutputs;
    expect(kept.instanceIds).toHaveLength(1500);
    expect(kept.pendingOrders).toEqual([
      { seq: 1, prefix: `${PREFIX}001`, slots: Array.from({ length: 100 }, (_, i) => 1500 + i) },
    ]);

    // A refresh finds the second order by name and puts its phones into the slots it was placed for.
    t.faults.listFails = false;
    const refreshed = await readGroup(t.env, kept);
    expect(refreshed.pendingOrders).toEqual([]);
    expect(refreshed.instanceIds).toHaveLength(1600);
    expect(refreshed.instances[1500].instanceName).toBe(`${PREFIX}001-00001`);
    expect(t.calls.create).toBe(2);
  });

  it('a definite refusal of the first order buys nothing and leaves nothing in state', async () => {
    const t = fakeTenant();
    t.env.client.createInstances = async () => {
      throw new Error('KOOPHONE.API.3002 sku not found');
    };
    await expect(syncGroup(t.env, PREFIX, target(2), undefined)).rejects.toThrow(/3002/);
  });

  it('refresh reads the members subscriptions by order; a billing API that does not answer fails the refresh clearly', async () => {
    const t = fakeTenant();
    const outs = await syncGroup(t.env, PREFIX, target(3), undefined);
    t.bss.subs.get('id1')!.autoRenew = true; // changed in the Billing Center
    const queries = t.bss.calls['bss-query'];
    const refreshed = await readGroup(t.env, outs);
    expect(refreshed.instances.map((m) => m.expiryAction)).toEqual(['release', 'renew', 'release']);
    expect(refreshed.instances.every((m) => !('autoRenew' in m))).toBe(true); // one fact, one field
    expect(refreshed.earliestExpireTime).toBe(refreshed.instances[0].expireTime);
    expect(t.bss.calls['bss-query'] - queries).toBe(1); // one order, one page
    t.env.client.billing.querySubscriptionsByOrder = () => Promise.reject(new Error('CBC.0999 other error'));
    await expect(readGroup(t.env, outs)).rejects.toThrow(
      /^refresh could not read the subscriptions of the group's 3 phone\(s\) from the billing API: CBC\.0999 other error/,
    );
  });

  it('destroy unsubscribes members and stray phones of the group in batches and waits until they are gone', async () => {
    const t = fakeTenant();
    const outs = await syncGroup(t.env, PREFIX, target(150, { waitForReady: false }), undefined);
    // A phone of a later order that an interrupted up bought but never recorded.
    t.phones.push({ instance_id: 'stray', instance_name: `${PREFIX}005-00001`, running_status: 2 });
    await deleteGroup(t.env, outs);
    expect(t.phones).toEqual([]);
    expect(t.calls.deleteSizes).toEqual([100, 51]);
    expect(t.statuses).toContain('phones released: 151/151');
  });
});
