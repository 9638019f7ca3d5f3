import { fillUndeclared, importGroup } from './import-read';
import { resetClaims } from '../resources/group/group-adoption';
import {
  configureRuntimeFor,
  startEmulatorRuntime,
  type EmulatorRuntime,
} from '../resources/core/testing/emulator-runtime';

const declared = { os: 'AOSP11', bandSize: 4, regionId: 'cn-north-4', createKey: 'abcde', expirePolicy: 'release' };

describe('fillUndeclared', () => {
  test("an imported resource (Read's inputs, no createKey) takes the inputs the API never reports from the program", () => {
    const olds = { regionId: 'cn-north-4', instanceId: 'i1' };
    expect(fillUndeclared(olds, { regionId: 'cn-north-4' }, declared)).toEqual({
      regionId: 'cn-north-4',
      instanceId: 'i1',
      os: 'AOSP11',
      bandSize: 4,
      expirePolicy: 'release',
    });
  });

  test('a reported input keeps its live value, so a different one in the program is still a change', () => {
    expect(fillUndeclared({ regionId: 'cn-south-1' }, { regionId: 'cn-south-1' }, declared).regionId).toBe(
      'cn-south-1',
    );
  });

  test('a declared resource (inputs with createKey) is compared as it is: a newly declared expirePolicy is a change', () => {
    const olds = { os: 'AOSP11', createKey: 'abcde' };
    expect(fillUndeclared(olds, olds, declared)).toEqual(olds);
  });
});

describe('importGroup: the phones under a prefix, taken over through the adoption code', () => {
  const URN = 'urn:pulumi:s::p::koophone:index:InstanceGroup::lab';
  const PRO = 'kp.professional.xlarge.32g.2';
  let rt: EmulatorRuntime;
  beforeAll(async () => {
    rt = await startEmulatorRuntime();
  });
  afterAll(() => rt.close());
  beforeEach(async () => {
    resetClaims();
    await rt.control('POST', '/reset');
    configureRuntimeFor(rt.emulator.url);
  });
  const seed = async (phones: Record<string, unknown>[]) =>
    (
      await rt.control<{ instances: { instanceId: string }[] }>('POST', '/seed', {
        instances: phones.map((p) => ({ instanceSkuId: PRO, regionId: 'cn-north-4', ...p })),
      })
    ).instances.map((i) => i.instanceId);

  test('fills slots 0… in name order with the live phones of the prefix; their region and SKU become the inputs', async () => {
    const [third, first, , second] = await seed([
      { instanceName: 'lab-00003' },
      { instanceName: 'lab-00001' },
      { instanceName: 'other-00001' },
      { instanceName: 'lab-00002' },
      { instanceName: 'lab-00004', runningStatus: 3 },
    ]);
    const imported = await importGroup('lab', URN);
    expect(imported?.id).toBe('lab');
    expect(imported?.inputs).toEqual({ size: 3, regionId: 'cn-north-4', instanceSkuId: PRO });
    expect(imported?.props.instanceIds).toEqual([first, second, third]);
    expect(
      (imported?.props.instances as { slot: number; instanceName: string }[]).map((m) => [m.slot, m.instanceName]),
    ).toEqual([
      [0, 'lab-00001'],
      [1, 'lab-00002'],
      [2, 'lab-00003'],
    ]);
    expect(imported?.props.uniqueNamePrefix).toBe('lab');
  });

  test('refuses phones of mixed region or SKU, naming each phone and the field', async () => {
    const [, otherRegion, otherSku] = await seed([
      { instanceName: 'lab-00001' },
      { instanceName: 'lab-00002', regionId: 'cn-north-7' },
      { instanceName: 'lab-00003', instanceSkuId: 'kp.enterprise.2xlarge.128g.2' },
    ]);
    await expect(importGroup('lab', URN)).rejects.toThrow(
      /^InstanceGroup lab cannot be imported: .*first phone by name \(lab-00001/,
    );
    await expect(importGroup('lab', URN)).rejects.toThrow(
      `phone ${otherRegion}: regionId: the phone is in "cn-north-7", the group's regionId is "cn-north-4"`,
    );
    await expect(importGroup('lab', URN)).rejects.toThrow(
      new RegExp(
        `phone ${otherSku}: instanceSkuId: the phone is "Enterprise[^"]*", the group's instanceSkuId "${PRO}"`,
      ),
    );
  });

  test('refuses a pay-per-use phone: the group could never delete it', async () => {
    const [, payPerUse] = await seed([{ instanceName: 'lab-00001' }, { instanceName: 'lab-00002', billingMode: '0' }]);
    await expect(importGroup('lab', URN)).rejects.toThrow(`phone ${payPerUse}: it is pay-per-use`);
  });

  test("refuses a phone another group of the deployment holds (a prefix that is the start of another group's)", async () => {
    const [phone] = await seed([{ instanceName: 'lab2-00001' }]);
    expect((await importGroup('lab2', `${URN}2`))?.props.instanceIds).toEqual([phone]);
    await expect(importGroup('lab', URN)).rejects.toThrow(
      `phone ${phone} already belongs to group "lab2" of this stack`,
    );
  });
});
