import type { InstanceRecord } from './state';
import { TrackedMap } from './tracked-map';

/** `{stem}-{seq}` as create names phones (seq ≥ 5 digits); the greedy stem makes the split unique. */
const SEQUENCED_NAME = /^(.+)-(\d{5,})$/;

export type SortKey = 'create_time' | 'instance_name' | 'instance_id';

const SORT_VALUE: Record<SortKey, (i: InstanceRecord) => string | number> = {
  create_time: (i) => i.createdAt,
  instance_name: (i) => i.instanceName,
  instance_id: (i) => i.instanceId,
};

/** Sorted by `key`; equal keys keep the given (creation) order, reversed too for `desc`. */
export function sortRecords(list: readonly InstanceRecord[], key: SortKey, desc: boolean): InstanceRecord[] {
  const value = SORT_VALUE[key];
  const sign = desc ? -1 : 1;
  return list
    .map((inst, index) => ({ inst, index, k: value(inst) }))
    .sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : (a.index - b.index) * sign))
    .map((e) => e.inst);
}

type Compare = (a: InstanceRecord, b: InstanceRecord) => number;

/** The index after the last element of `list` (sorted by `compare`) that sorts at or before `inst`. */
function insertionPoint(list: readonly InstanceRecord[], inst: InstanceRecord, compare: Compare): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid], inst) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One tenant's phones, in creation (insertion) order, grouped the ways batch-query and create look them up. */
class TenantPhones {
  readonly all = new Map<string, InstanceRecord>();
  /** Phones named `{stem}-{seq}`, by stem: an `instance_name` filter looks at stems, not at every phone. */
  readonly byStem = new Map<string, Map<string, InstanceRecord>>();
  /** Phones whose name has no `-{seq}` ending (seeded ones), looked at one by one by a name filter. */
  readonly unsequenced = new Map<string, InstanceRecord>();
  /** Highest sequence ever seen per stem in this process (a deleted phone's number is never handed out again). */
  readonly highestSeq = new Map<string, number>();
  /** Whole-tenant listings by sort key and direction, built on first use and then kept in order as phones come and go. */
  private readonly sorted = new Map<string, { list: InstanceRecord[]; compare: Compare }>();
  /** Insertion number per phone: creation order for matches gathered from several stems. */
  private readonly position = new Map<string, number>();
  private added = 0;

  add(inst: InstanceRecord): void {
    this.all.set(inst.instanceId, inst);
    this.position.set(inst.instanceId, this.added++);
    const m = SEQUENCED_NAME.exec(inst.instanceName);
    if (m) {
      const [, stem, seq] = m;
      let members = this.byStem.get(stem);
      if (!members) this.byStem.set(stem, (members = new Map<string, InstanceRecord>()));
      members.set(inst.instanceId, inst);
      this.highestSeq.set(stem, Math.max(this.highestSeq.get(stem) ?? 0, Number(seq)));
    } else {
      this.unsequenced.set(inst.instanceId, inst);
    }
    for (const { list, compare } of this.sorted.values()) list.splice(insertionPoint(list, inst, compare), 0, inst);
  }

  remove(inst: InstanceRecord): void {
    for (const { list, compare } of this.sorted.values()) {
      const at = insertionPoint(list, inst, compare) - 1;
      if (list[at]?.instanceId === inst.instanceId) list.splice(at, 1);
    }
    this.all.delete(inst.instanceId);
    this.position.delete(inst.instanceId);
    const stem = SEQUENCED_NAME.exec(inst.instanceName)?.[1];
    const members = stem === undefined ? this.unsequenced : this.byStem.get(stem);
    members?.delete(inst.instanceId);
    if (stem !== undefined && members?.size === 0) this.byStem.delete(stem);
    this.sorted.clear();
  }

  /** The same phone as a new object (Map.set on a present key keeps its place). */
  replace(inst: InstanceRecord): void {
    this.all.set(inst.instanceId, inst);
    const stem = SEQUENCED_NAME.exec(inst.instanceName)?.[1];
    (stem === undefined ? this.unsequenced : this.byStem.get(stem))?.set(inst.instanceId, inst);
    for (const { list, compare } of this.sorted.values()) {
      const at = insertionPoint(list, inst, compare) - 1;
      if (list[at]?.instanceId === inst.instanceId) list[at] = inst;
    }
  }

  /** Every phone, sorted: sorted once, then kept in order, so a page costs its own size, not the fleet's. */
  sortedAll(key: SortKey, desc: boolean): readonly InstanceRecord[] {
    const cacheKey = `${key}/${desc ? 'desc' : 'asc'}`;
    let entry = this.sorted.get(cacheKey);
    if (!entry) {
      const value = SORT_VALUE[key];
      const sign = desc ? -1 : 1;
      // Ties by creation order (insertion number), so the order is total and a phone's place can be searched for.
      const compare: Compare = (a, b) => {
        const ka = value(a);
        const kb = value(b);
        if (ka !== kb) return ka < kb ? -sign : sign;
        return ((this.position.get(a.instanceId) ?? 0) - (this.position.get(b.instanceId) ?? 0)) * sign;
      };
      entry = { list: [...this.all.values()].sort(compare), compare };
      this.sorted.set(cacheKey, entry);
    }
    return entry.list;
  }

  /**
   * Phones whose name contains `part`, in creation order. A stem that contains it matches whole; otherwise a match
   * must reach into the `-{seq}` ending, so `part` ends in `-` or a digit, and only then are that stem's names read.
   */
  named(part: string): InstanceRecord[] {
    if (part === '') return [...this.all.values()];
    const mayReachSeq = /[-\d]$/.test(part);
    const found: InstanceRecord[] = [];
    for (const [stem, members] of this.byStem) {
      if (stem.includes(part)) found.push(...members.values());
      else if (mayReachSeq) for (const inst of members.values()) if (inst.instanceName.includes(part)) found.push(inst);
    }
    for (const inst of this.unsequenced.values()) if (inst.instanceName.includes(part)) found.push(inst);
    return found.length > 1 ? this.inCreationOrder(found) : found;
  }

  private inCreationOrder(list: InstanceRecord[]): InstanceRecord[] {
    return list.sort((a, b) => (this.position.get(a.instanceId) ?? 0) - (this.position.get(b.instanceId) ?? 0));
  }
}

/**
 * The model's phones (a TrackedMap, so commits journal what changed) with indexes kept as phones come and go: per
 * tenant in creation order, by name stem, by order id. A phone's tenant, name, order and creation time never change
 * after it is stored, so add/remove are the only moments an index changes. Listing a page, numbering a new order
 * and finding an order's phones then cost what they return, not the number of phones stored.
 */
export class InstanceStore extends TrackedMap<InstanceRecord> {
  private readonly tenants = new Map<string, TenantPhones>();
  private readonly orders = new Map<string, Map<string, InstanceRecord>>();
  /** Ids stored since the last drainAdded() (the subscription lifecycle looks at new phones only). */
  private added: string[] = [];

  override set(key: string, value: InstanceRecord): this {
    const before = this.get(key);
    super.set(key, value);
    this.reindex(before, this.get(key));
    return this;
  }

  override delete(key: string): boolean {
    const before = this.get(key);
    const had = super.delete(key);
    this.reindex(before, undefined);
    return had;
  }

  override clear(): void {
    super.clear();
    this.added = [];
    this.tenants.clear();
    this.orders.clear();
  }

  override restore(key: string, value: InstanceRecord | null): void {
    const before = this.get(key);
    super.restore(key, value);
    this.reindex(before, this.get(key));
  }

  /** The ids stored since the last call (some may be gone again); then forgets them. */
  drainAdded(): string[] {
    const ids = this.added;
    this.added = [];
    return ids;
  }

  /** The tenant's phones in creation order (empty when it has none). */
  ofTenant(domainId: string): ReadonlyMap<string, InstanceRecord> {
    return this.tenants.get(domainId)?.all ?? new Map();
  }

  /** The tenant's phones sorted by `key` (cached until a phone of the tenant comes or goes). */
  sortedOfTenant(domainId: string, key: SortKey, desc: boolean): readonly InstanceRecord[] {
    return this.tenants.get(domainId)?.sortedAll(key, desc) ?? [];
  }

  /** The tenant's phones whose name contains `part`, in creation order. */
  namedOfTenant(domainId: string, part: string): InstanceRecord[] {
    return this.tenants.get(domainId)?.named(part) ?? [];
  }

  /** The phones one create call bought, in creation order. */
  ofOrder(orderId: string): readonly InstanceRecord[] {
    return [...(this.orders.get(orderId)?.values() ?? [])];
  }

  /** The highest `-{seq}` a phone of this tenant named `{stem}-{seq}` has had in this process (0: none). */
  highestSequence(domainId: string, stem: string): number {
    return this.tenants.get(domainId)?.highestSeq.get(stem) ?? 0;
  }

  private reindex(before: InstanceRecord | undefined, after: InstanceRecord | undefined): void {
    if (before && after) {
      // A stored id given a new record (journal replay): same tenant, name and order, so it keeps its place.
      this.tenants.get(after.tenantDomainId)?.replace(after);
      if (after.orderId) this.orders.get(after.orderId)?.set(after.instanceId, after);
      return;
    }
    if (before) this.unindex(before);
    if (after) this.index(after);
  }

  private index(inst: InstanceRecord): void {
    let tenant = this.tenants.get(inst.tenantDomainId);
    if (!tenant) this.tenants.set(inst.tenantDomainId, (tenant = new TenantPhones()));
    tenant.add(inst);
    this.added.push(inst.instanceId);
    if (inst.orderId) {
      let order = this.orders.get(inst.orderId);
      if (!order) this.orders.set(inst.orderId, (order = new Map<string, InstanceRecord>()));
      order.set(inst.instanceId, inst);
    }
  }

  private unindex(inst: InstanceRecord): void {
    this.tenants.get(inst.tenantDomainId)?.remove(inst);
    const order = inst.orderId ? this.orders.get(inst.orderId) : undefined;
    order?.delete(inst.instanceId);
    if (order?.size === 0 && inst.orderId) this.orders.delete(inst.orderId);
  }
}
