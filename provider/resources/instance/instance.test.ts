import { InvalidArgumentError, KooPhoneOutcomeUnknownError, type KooPhoneClient } from '../../client';
import { instanceInputsSchema } from '../../schemas/resources/instance';
import { buyOnePhone, instanceProvider } from './instance';
import { randomSuffix } from '../purchase/order-request';
import { UnconfirmedOrderError } from '../purchase/phone-order';
import { InstanceDirectory, type InstanceRecord } from '../batching/instance-directory';
import { startEmulatorRuntime, type EmulatorRuntime } from '../core/testing/emulator-runtime';

process.env.KOOPHONE_POLL_INTERVAL_MS = '1';
const inputs = instanceInputsSchema.parse({
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSize: 4,
  regionId: 'cn-north-4',
});
const unknown = () =>
  new KooPhoneOutcomeUnknownError({ code: 'HTTP 503', explanation: 'no answer', requestId: 'r-1', endpoint: 'create' });

/** An in-process fake of the two calls the purchase loop makes, with a phone store it can apply or not. */
function fakeTenant(script: Array<'ok' | 'lost-after-apply' | 'lost-before-apply' | 'refused'>) {
  const phones: InstanceRecord[] = [];
  let creates = 0;
  const client = {
    async createInstances(req: { instanceNamePrefix: string }) {
      const outcome = script[creates++] ?? 'ok';
      const apply = () => {
        const phone = {
          instance_id: `id${phones.length}`,
          instance_name: `${req.instanceNamePrefix}-00001`,
          running_status: 4,
        } as InstanceRecord;
        phones.push(phone);
        return phone;
      };
      if (outcome === 'refused')
        throw new InvalidArgumentError({
          status: 200,
          code: 'KOOPHONE.API.3002',
          apiMessage: 'sku',
          requestId: 'r',
          endpoint: 'create',
        });
      if (outcome === 'lost-before-apply') throw unknown();
      const phone = apply();
      if (outcome === 'lost-after-apply') throw unknown();
      return { orderId: 'CS1', instanceInfos: [{ instanceId: phone.instance_id, instanceName: phone.instance_name }] };
    },
  } as unknown as KooPhoneClient;
  const directory = new InstanceDirectory(async () => [...phones], 0);
  return { client, directory, phones, creates: () => creates };
}

describe('buying a phone', () => {
  it('buys once when the create succeeds', async () => {
    const t = fakeTenant(['ok']);
    expect(await buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).toMatchObject({
      instanceId: 'id0',
      orderId: 'CS1',
    });
    expect(t.creates()).toBe(1);
  });

  it('finds the phone of a lost response instead of buying a second one', async () => {
    const t = fakeTenant(['lost-after-apply']);
    expect((await buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).instanceId).toBe('id0');
    expect(t.creates()).toBe(1);
    expect(t.phones).toHaveLength(1);
  });

  it('orders again only after the lookup shows nothing was bought', async () => {
    const t = fakeTenant(['lost-before-apply', 'lost-after-apply']);
    expect((await buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).instanceId).toBe('id0');
    expect(t.creates()).toBe(2);
    expect(t.phones).toHaveLength(1);
  });

  it('gives up without buying when every outcome stays unknown and no phone exists', async () => {
    const t = fakeTenant(['lost-before-apply', 'lost-before-apply', 'lost-before-apply']);
    await expect(buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).rejects.toThrow(/nothing was bought/);
    expect(t.phones).toHaveLength(0);
  });

  it('takes over a live phone already under the prefix (an interrupted up) instead of buying', async () => {
    const t = fakeTenant([]);
    t.phones.push({ instance_id: 'earlier', instance_name: 'kp-abcde-00001', running_status: 4 });
    expect(await buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).toMatchObject({
      instanceId: 'earlier',
      orderId: '',
    });
    expect(t.creates()).toBe(0);
  });

  it('buys when the only phone under the prefix is going offline (unsubscribed)', async () => {
    const t = fakeTenant(['ok']);
    t.phones.push({ instance_id: 'leaving', instance_name: 'kp-abcde-00001', running_status: 3 });
    expect((await buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).instanceId).toBe('id1');
    expect(t.creates()).toBe(1);
  });

  it('does not retry a definite refusal', async () => {
    const t = fakeTenant(['refused']);
    await expect(buyOnePhone(t.client, t.directory, inputs, 'kp-abcde')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(t.creates()).toBe(1);
  });
});

describe('Instance check and diff', () => {
  // check() reads the SKU catalogue: serve it from a real emulator.
  let emulator: EmulatorRuntime;
  beforeAll(async () => {
    emulator = await startEmulatorRuntime();
  });
  afterAll(() => emulator.close());

  it('keeps the unique name prefix across updates and makes a new one for a new phone', async () => {
    const first = await instanceProvider.check!({} as never, { ...inputs, namePrefix: 'fleet' });
    const prefix = first.inputs!.uniqueNamePrefix!;
    expect(prefix).toMatch(/^fleet-[a-z0-9]{5}$/);
    const again = await instanceProvider.check!(first.inputs!, { ...inputs, namePrefix: 'fleet' });
    expect(again.inputs!.uniqueNamePrefix).toBe(prefix);
    const fresh = await instanceProvider.check!({} as never, { ...inputs, namePrefix: 'fleet' });
    expect(fresh.inputs!.uniqueNamePrefix).not.toBe(prefix);
    expect(randomSuffix()).toMatch(/^[a-z0-9]{5}$/);
  });

  it("derives a new phone's prefix from the SDK's stable createKey", async () => {
    const keyed = await instanceProvider.check!({} as never, { ...inputs, namePrefix: 'fleet', createKey: 'k3y42' });
    expect(keyed.inputs!.uniqueNamePrefix).toBe('fleet-k3y42');
    const bad = await instanceProvider.check!({} as never, { ...inputs, createKey: 'NOPE' });
    expect(bad.failures?.map((f) => f.property)).toEqual(['createKey']);
  });

  it('replaces by deleting first, so two phones are never paid for at once', async () => {
    const olds = { ...inputs, instanceId: 'id0' } as never;
    expect(await instanceProvider.diff!('id0', olds, { ...inputs, os: 'AOSP9' })).toMatchObject({
      replaces: ['os'],
      deleteBeforeReplace: true,
    });
  });

  it('replaces the phone on spec changes and updates in place otherwise', async () => {
    const olds = { ...inputs, instanceId: 'id0' } as never;
    const sku = await instanceProvider.diff!('id0', olds, { ...inputs, instanceSkuId: 'kp.enterprise.2xlarge.128g.2' });
    expect(sku).toMatchObject({ changes: true, replaces: ['instanceSkuId'] });
    // Billing never replaces (issue 10 item 2): a charge change, or auto-renew changed in the Billing Center, updates.
    const charge = await instanceProvider.diff!('id0', olds, { ...inputs, charge: { ...inputs.charge, periodNum: 2 } });
    expect(charge).toMatchObject({ changes: true, replaces: [] });
    const drifted = { ...inputs, instanceId: 'id0', autoRenew: !inputs.charge.autoRenew } as never;
    expect(await instanceProvider.diff!('id0', drifted, inputs)).toMatchObject({ changes: true, replaces: [] });
    const wait = await instanceProvider.diff!('id0', olds, { ...inputs, readyTimeoutSeconds: 60 });
    expect(wait).toMatchObject({ changes: true, replaces: [] });
    expect(await instanceProvider.diff!('id0', olds, inputs)).toMatchObject({ changes: false, replaces: [] });
  });
});

describe('a purchase whose outcome cannot be confirmed', () => {
  it('is reported as unconfirmed (not "nothing bought") when the lookup after a lost answer keeps failing', async () => {
    process.env.KOOPHONE_ORDER_LOOKUP_SECONDS = '0.01';
    try {
      const t = fakeTenant(['lost-after-apply']);
      let listings = 0;
      const failingAfterFirst = new InstanceDirectory(async () => {
        if (listings++ > 0) throw new Error('KOOPHONE.API.9999 batch-query: HTTP 503');
        return [...t.phones];
      }, 0);
      const err = await buyOnePhone(t.client, failingAfterFirst, inputs, 'kp-abcde').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnconfirmedOrderError);
      expect((err as Error).message).toMatch(
        /a phone named "kp-abcde-\*" may have been bought: the create call may have been applied/,
      );
      expect(t.creates()).toBe(1); // never a second order while the first one's fate is unknown
    } finally {
      delete process.env.KOOPHONE_ORDER_LOOKUP_SECONDS;
    }
  });

  it('keeps looking, with backoff, until a listing answers within the budget', async () => {
    const t = fakeTenant(['lost-after-apply']);
    let listings = 0;
    const flaky = new InstanceDirectory(async () => {
      listings++;
      if (listings >= 2 && listings <= 3) throw new Error('HTTP 503');
      return [...t.phones];
    }, 0);
    expect((await buyOnePhone(t.client, flaky, inputs, 'kp-abcde')).instanceId).toBe('id0');
    expect(t.creates()).toBe(1);
    expect(listings).toBe(4); // the look before buying, two failed lookups, then the one that found it
  });
});
