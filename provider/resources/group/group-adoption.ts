import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { SkuCatalogue } from '../../client';
import { nameOfUrn } from '../../common/urn';
import type { InstanceGroupInputs, InstanceGroupOutputs } from '../../schemas/resources/instance-group';
import { UNKNOWN_VALUE } from '../core/check-inputs';
import { skuTexts } from '../purchase/spec-check';
import { placeInSlots, type SlotMap } from './group-plan';
import type { InstanceRecord, InstanceSnapshot } from '../batching/instance-directory';
import { describeError } from '../core/partial-state';

/**
 * `InstanceGroup.adoptInstanceIds`: phones bought elsewhere join a group instead of being bought. Everything that can
 * refuse an adoption is judged at check (so at preview, before any phone of the deployment is bought); sync only
 * places the phones into the lowest free slots. `pulumi import` of a group by prefix (provider/native/import-read.ts)
 * takes its phones over through the same checks (claimRefusals, phoneRefusals) and the same placement (adoptInto).
 */

const GOING_OFFLINE = 3;
const PAY_PER_USE = '0';

type Adoptions = Partial<Pick<InstanceGroupInputs, 'adoptInstanceIds'>> | undefined;

/** The adoptions a group asks for, without placeholders still unknown at preview and without duplicates. */
export function adoptionIds(inputs: Adoptions): string[] {
  const ids: unknown = inputs?.adoptInstanceIds;
  if (!Array.isArray(ids)) return [];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== UNKNOWN_VALUE))];
}

/**
 * Adoptions new since the last deployment that saved state. A phone adopted before is a member like any other: if it
 * is lost out of band its slot is bought again, as for any member, instead of failing the adoption.
 */
export function newAdoptions(news: Adoptions, olds: Adoptions): string[] {
  const before = new Set(adoptionIds(olds));
  return adoptionIds(news).filter((id) => !before.has(id));
}

/**
 * Which group of the deployment holds or adopts each phone: groups are checked in one provider process per
 * deployment, so the second group to claim a phone is refused at preview whichever of the two is checked first.
 */
const claims = new Map<string, string>();

/** Records `group`'s members and adoptions; returns the phones another group of this deployment already claimed. */
export function claimPhones(group: string, ids: readonly string[]): { instanceId: string; group: string }[] {
  const taken: { instanceId: string; group: string }[] = [];
  for (const id of ids) {
    const holder = claims.get(id);
    if (holder !== undefined && holder !== group) taken.push({ instanceId: id, group: holder });
    else claims.set(id, group);
  }
  return taken;
}

/** For tests: forget every claim. */
export function resetClaims(): void {
  claims.clear();
}

/**
 * The spec a phone must have to join a group: its region and SKU. batch-query reports no image, so `os` is taken as
 * declared. A field left undefined (or unknown at preview) is not compared.
 */
export type GroupSpec = Partial<Pick<InstanceGroupInputs, 'regionId' | 'instanceSkuId'>>;

const compared = (value: string | undefined): value is string => value !== undefined && value !== UNKNOWN_VALUE;

/**
 * Why the phone `id` (listed as `record`) cannot join a group of `spec`, each reason naming the phone and, for a
 * mismatch, the field; none when it can. Shared by `adoptInstanceIds`' check and `pulumi import` of a group.
 */
export function phoneRefusals(
  id: string,
  record: InstanceRecord | undefined,
  spec: GroupSpec,
  catalogue: SkuCatalogue | undefined,
): string[] {
  const why = (reason: string) => `phone ${id}: ${reason}`;
  if (!record) return [why('no such phone in this account (batch-query does not list it)')];
  if (record.running_status === GOING_OFFLINE) return [why('it is being unsubscribed (running_status 3)')];
  if (record.billing_mode === PAY_PER_USE)
    return [
      why(
        'it is pay-per-use, which the API cannot unsubscribe, so the group could never delete it; adopt it as an Instance (adoptInstanceId)',
      ),
    ];
  const refusals: string[] = [];
  if (compared(spec.regionId) && record.region && record.region !== spec.regionId)
    refusals.push(why(`regionId: the phone is in "${record.region}", the group's regionId is "${spec.regionId}"`));
  if (catalogue && compared(spec.instanceSkuId) && spec.regionId !== UNKNOWN_VALUE && record.instance_sku) {
    const texts = skuTexts(catalogue, spec.regionId, spec.instanceSkuId);
    const groups = texts.length > 1 ? `"${spec.instanceSkuId}" is "${texts[1]}"` : `is "${texts[0]}"`;
    if (!texts.includes(record.instance_sku))
      refusals.push(why(`instanceSkuId: the phone is "${record.instance_sku}", the group's instanceSkuId ${groups}`));
  }
  return refusals;
}

const groupName = (group: string) => `group "${nameOfUrn(group)}"`;

/**
 * Claims the phones for `group` (see claimPhones) and says why each phone another group of the deployment holds
 * cannot join it. Shared by `adoptInstanceIds`' check and `pulumi import` of a group.
 */
export function claimRefusals(group: string, ids: readonly string[]): string[] {
  return claimPhones(group, ids).map(
    (t) => `phone ${t.instanceId} already belongs to ${groupName(t.group)} of this stack; a phone belongs to one group`,
  );
}

/**
 * The check (at preview, and again before `up` changes anything) of a group's adoptions: no duplicates, no more than
 * `size`, no phone of another group of the deployment, and each new phone exists, is yearly/monthly and matches the
 * group's SKU and region. `olds` are the group's previous inputs (check sees no outputs).
 */
export async function adoptionFailures(
  group: string,
  inputs: Pick<InstanceGroupInputs, 'adoptInstanceIds' | 'size' | 'regionId' | 'instanceSkuId'>,
  olds: Adoptions,
  look: { snapshot: () => Promise<InstanceSnapshot>; catalogue: () => Promise<SkuCatalogue> },
): Promise<dynamic.CheckFailure[]> {
  const ids = adoptionIds(inputs);
  const listed: unknown[] = Array.isArray(inputs.adoptInstanceIds) ? inputs.adoptInstanceIds : [];
  const failures: dynamic.CheckFailure[] = [];
  const repeated = listed.filter((id, i) => listed.indexOf(id) !== i && id !== UNKNOWN_VALUE);
  if (repeated.length > 0)
    failures.push({ property: 'adoptInstanceIds', reason: `lists phone ${String(repeated[0])} more than once` });
  if (typeof inputs.size === 'number' && listed.length > inputs.size)
    failures.push({
      property: 'adoptInstanceIds',
      reason: `lists ${listed.length} phones, more than the group's size ${inputs.size}`,
    });
  for (const reason of claimRefusals(group, ids)) failures.push({ property: 'adoptInstanceIds', reason });
  const fresh = newAdoptions(inputs, olds);
  if (fresh.length === 0 || failures.length > 0) return failures;
  let snapshot: InstanceSnapshot;
  try {
    snapshot = await look.snapshot();
  } catch (err) {
    return [
      ...failures,
      {
        property: 'adoptInstanceIds',
        reason: `could not list the account's phones to check the adoptions (${describeError(err)}); nothing was bought`,
      },
    ];
  }
  // The catalogue only names the SKU's spec text; a catalogue that cannot be read fails the spec check already.
  const catalogue = await look.catalogue().catch(() => undefined);
  for (const id of fresh)
    for (const reason of phoneRefusals(id, snapshot.get(id), inputs, catalogue))
      failures.push({ property: 'adoptInstanceIds', reason });
  return failures;
}

/**
 * The part of the check that needs the group's members (diff sees its outputs): the new adoptions must fit beside
 * them within `size`, and no member may be another group's adoption. Returns why not, or undefined.
 */
export function adoptionConflict(
  group: string,
  olds: Partial<InstanceGroupOutputs>,
  news: Pick<InstanceGroupInputs, 'adoptInstanceIds' | 'size'>,
): string | undefined {
  const members = new Set(olds.instanceIds ?? []);
  const taken = claimPhones(group, [...members]);
  if (taken.length > 0)
    return `adoptInstanceIds: phone ${taken[0].instanceId} is a member of this group and also adopted by ${groupName(taken[0].group)}; a phone belongs to one group`;
  const fresh = newAdoptions(news, olds).filter((id) => !members.has(id));
  // Only new adoptions must fit; a shrink without any unsubscribes the highest slots as usual.
  if (fresh.length > 0 && typeof news.size === 'number' && members.size + fresh.length > news.size)
    return (
      `adoptInstanceIds: adopting ${fresh.length} phone(s) beside the group's ${members.size} member(s) needs size ≥ ` +
      `${members.size + fresh.length}, but size is ${news.size} (shrinking would unsubscribe the highest slots)`
    );
  return undefined;
}

/**
 * Places the adoptions that are not members yet into the lowest free slots. Refuses (before anything is bought or
 * unsubscribed) a phone that is gone, or more phones than `size` leaves room for: never a slot a shrink would free.
 */
export function adoptInto(members: SlotMap, snapshot: InstanceSnapshot, ids: readonly string[], size: number): void {
  const known = new Set(members.values());
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return;
  const gone = fresh.filter((id) => {
    const r = snapshot.get(id);
    return !r || r.running_status === GOING_OFFLINE;
  });
  if (gone.length > 0)
    throw new Error(`adoptInstanceIds: phone ${gone.join(', ')} is not in the account (or is being unsubscribed)`);
  if (members.size + fresh.length > size)
    throw new Error(
      `adoptInstanceIds: ${fresh.length} phone(s) do not fit beside ${members.size} member(s) in a group of size ${size}`,
    );
  placeInSlots(members, fresh);
}
