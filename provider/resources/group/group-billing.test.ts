import {
  instanceGroupInputsSchema,
  type InstanceGroupInputs,
  type InstanceGroupOutputs,
} from '../../schemas/resources/instance-group';
import { applyAutoRenew, applyExpirePolicy, settleGroupBilling, warnRecordedOnly } from './group-billing';
import { groupRenewalPlanned, renewDueMembers } from './group-renewal';
import { readMemberSubscriptions, withMemberSubscriptions } from './group-subscriptions';
import type { GroupEnv } from './group-sync';
import type { InstanceDirectory } from '../batching/instance-directory';
import { PartialStateError } from '../core/partial-state';
import type { Progress } from '../core/progress';
import { subscriptionsByIds } from '../billing/subscription-lookup';
import { fakeBilling } from '../core/testing/fake-billing';

function recorder(): Progress & { warnings: string[]; statuses: string[] } {
  const warnings: string[] = [];
  const statuses: string[] = [];
  return { warnings, statuses, status: (m) => statuses.push(m), warn: (m) => warnings.push(m) };
}

const spec = { os: 'AOSP11', instanceSkuId: 'kp.professional.xlarge.32g.2', bandSize: 4, regionId: 'cn-north-4' };
const groupInputs = (extra: Record<string, unknown> = {}): InstanceGroupInputs =>
  instanceGroupInputsSchema.parse({ size: 3, ...spec, ...extra });

/** A group's outputs over these members, with their subscriptions as `bss` reports them now. */
async function groupOf(
  bss: ReturnType<typeof fakeBilling>,
  ids: string[],
  orderIds: string[],
  extra: Record<string, unknown> = {},
): Promise<InstanceGroupOutputs> {
  const outs: InstanceGroupOutputs = {
    ...groupInputs({ size: ids.length, ...extra }),
    uniqueNamePrefix: 'fleet-abcde',
    instanceIds: ids,
    instances: ids.map((instanceId, slot) => ({
      slot,
      instanceId,
      instanceName: `fleet-abcde000-${String(slot + 1).padStart(5, '0')}`,
      status: 'running' as const,
    })),
    orderIds,
    nextOrderSeq: 1,
    pendingOrders: [],
  };
  return withMemberSubscriptions(outs, await readMemberSubscriptions(bss.client, orderIds, ids));
}

const envOf = (bss: ReturnType<typeof fakeBilling>, progress: Progress): GroupEnv => ({
  client: bss.client,
  directory: {} as InstanceDirectory,
  pollIntervalMs: 1,
  progress,
});

describe('InstanceGroup subscriptions: reads', () => {
  it('a 1,000-phone group bought in one order reads in 2 billing calls (500 a page)', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('p', 1000, { orderId: 'CS1' });
    const subs = await readMemberSubscriptions(bss.client, ['CS1'], ids);
    expect(subs.size).toBe(1000);
    expect(bss.calls).toEqual({ 'bss-query': 2 });
  });

  it('members of an order without id (found again by name) are read by ids, 50 a call; phones outside the group are ignored', async () => {
    const bss = fakeBilling();
    const ordered = bss.buy('o', 20, { orderId: 'CS1' });
    const foundByName = bss.buy('n', 120);
    bss.buy('other', 5, { orderId: 'CS1' }); // same order, not members (scaled down out of the group)
    const subs = await readMemberSubscriptions(bss.client, ['CS1'], [...ordered, ...foundByName, 'no-subscription']);
    expect([...subs.keys()].sort()).toEqual([...ordered, ...foundByName].sort());
    // 1 by order, then 121 ids (120 + the member without a subscription) in ceil(121/50) = 3 calls.
    expect(bss.calls['bss-query']).toBe(1 + 3);
  });

  it('outputs carry each member subscription and the earliest expiry; 1,000 members keep state under 210 bytes a phone', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('kpAbCdEf', 1000, { orderId: 'CS2311173000000001' });
    bss.subs.get(ids[7])!.expireTime = '2025-01-04T00:00:00Z';
    const outs = await groupOf(bss, ids, ['CS2311173000000001']);
    expect(outs.earliestExpireTime).toBe('2025-01-04T00:00:00Z');
    expect(outs.instances[0]).toMatchObject({ subscriptionStatus: 'active', expiryAction: 'release' });
    expect(outs.instances[0]).not.toHaveProperty('autoRenew');
    const perPhone = JSON.stringify(outs).length / 1000;
    expect(perPhone).toBeLessThan(210);
  });
});

describe('InstanceGroup subscriptions: changes', () => {
  it('auto-renew drift is set back on the differing members only, one call each', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('a', 4, { orderId: 'CS1' });
    bss.subs.get(ids[1])!.autoRenew = true; // changed in the Billing Center
    const outs = await groupOf(bss, ids, ['CS1']);
    const progress = recorder();
    const settled = await settleGroupBilling(envOf(bss, progress), 'g', outs, outs);
    expect([bss.calls['bss-autorenew-off'], bss.calls['bss-autorenew-on']]).toEqual([1, undefined]);
    expect(settled.instances.map((m) => m.expiryAction)).toEqual(['release', 'release', 'release', 'release']);
    expect(progress.statuses).toContain('auto-renew off: 1/1');
    // Applied again (an interrupted run resumed): nothing left to change.
    expect(await applyAutoRenew(bss.client, new Map(), false, progress)).toBe(0);
  });

  it('expirePolicy toPayPerUse goes out in to-on-demand calls of at most 100 ids; refused ids are listed with the reason', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('t', 230, { orderId: 'CS1' });
    bss.subs.get(ids[5])!.payPerUseAtExpiry = true; // already as declared: not sent
    bss.faults.toOnDemandRefused.add(ids[9]);
    const outs = await groupOf(bss, ids, ['CS1'], { expirePolicy: 'toPayPerUse' });
    const failure = settleGroupBilling(envOf(bss, recorder()), 'g', outs, outs);
    await expect(failure).rejects.toBeInstanceOf(PartialStateError);
    await expect(failure).rejects.toThrow(
      new RegExp(
        `refused to set the change to pay-per-use at expiry for 1 of 229 phone\\(s\\): ${ids[9]}: The resource ID does not exist\\. \\(CBC\\.99003012\\)`,
      ),
    );
    expect(bss.calls['bss-to-on-demand']).toBe(3);
    expect([...bss.subs.values()].filter((s) => s.payPerUseAtExpiry)).toHaveLength(229);
    // The next up cancels it where declared `release`.
    const reported = await readMemberSubscriptions(bss.client, ['CS1'], ids);
    expect(await applyExpirePolicy(bss.client, reported, 'release', recorder())).toBe(229);
  });
});

describe('InstanceGroup subscriptions: declared renewals (renewBeforeDays)', () => {
  const renewing = { renewBeforeDays: 7, charge: groupInputs().charge };
  const look = (bss: ReturnType<typeof fakeBilling>, ids: string[]) => () =>
    readMemberSubscriptions(bss.client, ['CS1'], ids);
  const lookIds = (bss: ReturnType<typeof fakeBilling>) => (ids: readonly string[]) =>
    subscriptionsByIds(bss.client, ids);

  it('preview says how many members it will renew; 23 due members of 30 are renewed in 3 calls of at most 10', async () => {
    const bss = fakeBilling();
    const due = bss.buy('d', 23, { orderId: 'CS1', days: 3 });
    const later = bss.buy('l', 7, { orderId: 'CS1', days: 40 });
    const ids = [...due, ...later];
    const progress = recorder();
    expect(await groupRenewalPlanned(ids, renewing, look(bss, ids), progress)).toBe(true);
    expect(progress.warnings).toEqual([
      expect.stringMatching(/^will renew 23 phones for 1 month \(23 of the group's 30 phones/),
    ]);
    expect(bss.renewals).toEqual([]);

    expect(await renewDueMembers(bss.client, ids, renewing, look(bss, ids), lookIds(bss), progress, 1)).toBe(23);
    expect(bss.renewals.map((r) => r.length)).toEqual([10, 10, 3]);
    expect(progress.statuses).toContain('renewed: 23/23');
    // The next up looks again: nothing due, nothing sent.
    expect(await renewDueMembers(bss.client, ids, renewing, look(bss, ids), lookIds(bss), progress, 1)).toBe(0);
    expect(bss.calls['bss-renew']).toBe(3);
  });

  it('a lost renewal answer is not re-sent: members whose expiry moved count as renewed', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('d', 12, { orderId: 'CS1', days: 3 });
    bss.faults.renewAppliedAnswerLost = 1;
    expect(await renewDueMembers(bss.client, ids, renewing, look(bss, ids), lookIds(bss), recorder(), 1)).toBe(12);
    expect(bss.calls['bss-renew']).toBe(2);
    expect(bss.renewals.flat().sort()).toEqual([...ids].sort()); // each member in exactly one call
  });

  it('a lost renewal whose expiry never moves fails the update without sending it again', async () => {
    const bss = fakeBilling();
    const ids = bss.buy('d', 3, { orderId: 'CS1', days: 3 });
    bss.faults.renewLost = 1;
    const outs = await groupOf(bss, ids, ['CS1'], { renewBeforeDays: 7 });
    const failure = settleGroupBilling(envOf(bss, recorder()), 'g', outs, outs);
    await expect(failure).rejects.toThrow(
      /The renewal of 3 phone\(s\) .* may or may not have been paid: their expiry has not moved yet, so it was not sent again\. Check the Huawei Cloud Billing Center/,
    );
    await expect(failure).rejects.toBeInstanceOf(PartialStateError);
    expect(bss.calls['bss-renew']).toBe(1);
  });
});

describe('InstanceGroup recorded-only charge changes', () => {
  it('warns that period and payment changes apply to phones bought from now on', () => {
    const olds = groupInputs({ size: 2 });
    const progress = recorder();
    warnRecordedOnly(olds, groupInputs({ size: 2, charge: { autoRenew: true } }), progress);
    expect(progress.warnings).toEqual([]);
    warnRecordedOnly(olds, groupInputs({ size: 2, charge: { periodNum: 3 } }), progress);
    expect(progress.warnings).toHaveLength(1);
    expect(progress.warnings[0]).toMatch(
      /charge\.periodNum changed: applies to the phones this group buys from now on/,
    );
  });
});
