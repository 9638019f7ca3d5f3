import type { KooPhoneClient, SkuCatalogue } from '../../client';
import { instanceGroupInputsSchema } from '../../schemas/resources/instance-group';
import { adoptInto, adoptionConflict, adoptionFailures, newAdoptions, resetClaims } from './group-adoption';
import { syncGroup, type GroupEnv } from './group-sync';
import { InstanceDirectory, type InstanceRecord, type InstanceSnapshot } from '../batching/instance-directory';
import { UNKNOWN_VALUE } from '../core/check-inputs';
import { progressFor } from '../core/progress';
import { fakeBilling } from '../core/testing/fake-billing';

const SKU = 'kp.professional.xlarge.32g.2';
const SPEC_TEXT = 'Professional | 8 Core | 16GB | 128GB Storage | 1080P Max Output';
const catalogue = {
  bandInfo: { cbcSkuId: 'kp.bandwidth' },
  skuSpecResponseList: [
    {
      regionId: 'cn-north-4',
      skuResponses: [
        {
          type: 'PROFESSIONAL',
          cbcSkuId: SKU,
          specDescEn: SPEC_TEXT,
          bandSize: '4',
          chargeMode: 0,
          poolInfo: { aosp: [{ version: 'AOSP11' }] },
        },
      ],
    },
  ],
} as SkuCatalogue;

const phone = (id: string, extra: Partial<InstanceRecord> = {}): InstanceRecord => ({
  instance_id: id,
  instance_name: `console-${id}`,
  region: 'cn-north-4',
  instance_sku: SPEC_TEXT,
  running_status: 2,
  billing_mode: '1',
  ...extra,
});
const snapshotOf = (phones: InstanceRecord[]): InstanceSnapshot => new Map(phones.map((p) => [p.instance_id, p]));
const group = (size: number, adoptInstanceIds?: string[]) =>
  instanceGroupInputsSchema.parse({
    size,
    os: 'AOSP11',
    instanceSkuId: SKU,
    bandSize: 4,
    regionId: 'cn-north-4',
    adoptInstanceIds,
  });
const URN_A = 'urn:pulumi:s::p::koophone:InstanceGroup::a';
const URN_B = 'urn:pulumi:s::p::koophone:InstanceGroup::b';

describe('adoptInstanceIds at preview (check)', () => {
  beforeEach(resetClaims);
  let listings = 0;
  const look = (phones: InstanceRecord[]) => ({
    snapshot: async () => {
      listings++;
      return snapshotOf(phones);
    },
    catalogue: async () => catalogue,
  });

  it('accepts phones that exist and match the SKU and region', async () => {
    expect(await adoptionFailures(URN_A, group(3, ['p1', 'p2']), undefined, look([phone('p1'), phone('p2')]))).toEqual(
      [],
    );
  });

  it('names the phone and the field of every mismatch', async () => {
    const phones = [
      phone('p1', { region: 'cn-east-3' }),
      phone('p2', { instance_sku: 'Enterprise | 8 Core | 16GB | 128GB Storage | 1080P Max Output' }),
      phone('p3', { billing_mode: '0' }),
      phone('p4', { running_status: 3 }),
    ];
    const failures = await adoptionFailures(URN_A, group(5, ['p1', 'p2', 'p3', 'p4', 'p5']), undefined, look(phones));
    const reasons = failures.map((f) => f.reason);
    expect(failures.every((f) => f.property === 'adoptInstanceIds')).toBe(true);
    expect(reasons).toEqual([
      expect.stringMatching(/^phone p1: regionId: the phone is in "cn-east-3"/),
      expect.stringMatching(/^phone p2: instanceSkuId: the phone is "Enterprise/),
      expect.stringMatching(/^phone p3: it is pay-per-use/),
      expect.stringMatching(/^phone p4: it is being unsubscribed/),
      expect.stringMatching(/^phone p5: no such phone/),
    ]);
  });

  it('refuses a phone another group of the deployment holds, whichever group is checked first', async () => {
    const phones = look([phone('p1'), phone('p2')]);
    expect(await adoptionFailures(URN_A, group(2, ['p1']), undefined, phones)).toEqual([]);
    const [failure] = await adoptionFailures(URN_B, group(2, ['p2', 'p1']), undefined, phones);
    expect(failure.reason).toMatch(/^phone p1 already belongs to group "a" of this stack/);
    // A checks again (the same deployment's update): its own claim is no conflict.
    expect(await adoptionFailures(URN_A, group(2, ['p1']), undefined, phones)).toEqual([]);
    // B adopted p2 at its check; A's members (seen at diff) may not include it.
    expect(adoptionConflict(URN_A, { instanceIds: ['p2'] }, group(2))).toMatch(/also adopted by group "b"/);
  });

  it('refuses duplicates and more phones than size without listing anything', async () => {
    listings = 0;
    const reasons = (await adoptionFailures(URN_A, group(1, ['p1', 'p1']), undefined, look([]))).map((f) => f.reason);
    expect(reasons).toEqual(['lists phone p1 more than once', "lists 2 phones, more than the group's size 1"]);
    expect(listings).toBe(0);
  });

  it('skips ids still unknown at preview, and phones adopted by an earlier deployment (a lost one is re-bought)', async () => {
    listings = 0;
    const inputs = { ...group(3), adoptInstanceIds: [UNKNOWN_VALUE, 'gone'] };
    expect(await adoptionFailures(URN_A, inputs, { adoptInstanceIds: ['gone'] }, look([]))).toEqual([]);
    expect(listings).toBe(0);
    expect(newAdoptions({ adoptInstanceIds: ['a', 'b', 'c'] }, { adoptInstanceIds: ['b'] })).toEqual(['a', 'c']);
  });

  it('refuses at diff new adoptions that do not fit beside the members', () => {
    const olds = { instanceIds: ['m0', 'm1', 'm2'], adoptInstanceIds: [] };
    expect(adoptionConflict(URN_A, olds, group(4, ['p1', 'p2']))).toMatch(/needs size ≥ 5, but size is 4/);
    expect(adoptionConflict(URN_A, olds, group(5, ['p1', 'p2']))).toBeUndefined();
    // Without new adoptions a group may shrink: the highest slots are unsubscribed as before.
    expect(adoptionConflict(URN_A, olds, group(1))).toBeUndefined();
  });
});

describe('adoptInto', () => {
  it('fills the lowest free slots and refuses a phone gone since the check', () => {
    const members = new Map([[1, 'm1']]);
    adoptInto(members, snapshotOf([phone('p1'), phone('p2')]), ['p1', 'p2', 'm1'], 4);
    expect([...members].sort()).toEqual([
      [0, 'p1'],
      [1, 'm1'],
      [2, 'p2'],
    ]);
    expect(() => adoptInto(members, snapshotOf([]), ['p9'], 4)).toThrow(/phone p9 is not in the account/);
    expect(() => adoptInto(members, snapshotOf([phone('p3'), phone('p4')]), ['p3', 'p4'], 4)).toThrow(
      /2 phone\(s\) do not fit beside 3 member\(s\)/,
    );
  });
});

describe('a group of 25 adopting 20 phones', () => {
  it('buys the other 5 in one order and keeps the 20 in slots 0-19', async () => {
    const phones = Array.from({ length: 20 }, (_, i) => phone(`old${String(i).padStart(2, '0')}`));
    const bss = fakeBilling();
    const counts: number[] = [];
    const client = {
      billing: bss.billing,
      async createInstances(req: { instanceNamePrefix: string; count: number }) {
        counts.push(req.count);
        const made = Array.from({ length: req.count }, (_, i) =>
          phone(`new${i}`, { instance_name: `${req.instanceNamePrefix}-${String(i + 1).padStart(5, '0')}` }),
        );
        phones.push(...made);
        for (const p of made) bss.subscribe(p.instance_id, { orderId: 'CS1' });
        return {
          orderId: 'CS1',
          instanceInfos: made.map((p) => ({ instanceId: p.instance_id, instanceName: p.instance_name })),
        };
      },
    } as unknown as KooPhoneClient;
    const env: GroupEnv = {
      client,
      directory: new InstanceDirectory(async () => phones.map((p) => ({ ...p })), 0),
      pollIntervalMs: 1,
      progress: progressFor(URN_A, 0),
    };
    const adopted = phones.map((p) => p.instance_id);
    const outs = await syncGroup(env, 'g-abcde', { ...group(25, adopted), uniqueNamePrefix: 'g-abcde' }, undefined);
    expect(counts).toEqual([5]);
    expect(outs.instanceIds.slice(0, 20)).toEqual(adopted);
    expect(outs.instanceIds.slice(20)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
  });
});
