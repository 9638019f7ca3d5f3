import { chunk as chunkOf } from '../../common/chunk';
import { ORDER_COUNT_MAX, ORDER_SEQ_LENGTH } from '../../schemas/resources/instance-group';

/**
 * Pure planning for InstanceGroup: which slots need phones, how they split into orders, how orders are named,
 * and where phones found by name go. Slots are stable: a member keeps its slot for the life of the group.
 */

/** slot → instance id of the phone in it. */
export type SlotMap = Map<number, string>;

const SEQ_SPACE = 36 ** ORDER_SEQ_LENGTH;

/** The unique name prefix of the group's order number `seq`: `{groupPrefix}{seq in base 36, fixed width}`. */
export function orderPrefix(groupPrefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq >= SEQ_SPACE)
    throw new Error(`order sequence ${seq} is outside 0…${SEQ_SPACE - 1}`);
  return `${groupPrefix}${seq.toString(36).padStart(ORDER_SEQ_LENGTH, '0')}`;
}

/** The order number of a phone named by one of the group's orders (`{groupPrefix}{seq}-00001`), else undefined. */
export function orderSeqOf(groupPrefix: string, instanceName: string): number | undefined {
  if (!instanceName.startsWith(groupPrefix)) return undefined;
  const match = new RegExp(`^([a-z0-9]{${ORDER_SEQ_LENGTH}})-\\d+$`).exec(instanceName.slice(groupPrefix.length));
  return match ? parseInt(match[1], 36) : undefined;
}

/** Empty slots below `size`, lowest first: where new phones go. */
export function emptySlots(members: SlotMap, size: number, reserved: ReadonlySet<number> = new Set()): number[] {
  const empty: number[] = [];
  for (let slot = 0; slot < size; slot++) if (!members.has(slot) && !reserved.has(slot)) empty.push(slot);
  return empty;
}

/** Occupied slots at or above `size`, highest first: what a scale-down removes. */
export function slotsAbove(members: SlotMap, size: number): number[] {
  return [...members.keys()].filter((slot) => slot >= size).sort((a, b) => b - a);
}

/** Consecutive chunks of at most `max` items: one order per chunk, ceil(k/max) orders for k phones. */
export function chunk<T>(items: readonly T[], max: number = ORDER_COUNT_MAX): T[][] {
  return chunkOf(items, max);
}

/**
 * Puts phones into slots: first into `preferred` (the slots their order was placed for) that are still empty,
 * then into the lowest empty slots of any index, so a phone that is paid for is never left out of the group.
 * Phones already members are skipped. Returns the slots filled.
 */
export function placeInSlots(
  members: SlotMap,
  instanceIds: readonly string[],
  preferred: readonly number[] = [],
): number[] {
  const known = new Set(members.values());
  const incoming = instanceIds.filter((id) => !known.has(id));
  const filled: number[] = [];
  const targets = preferred.filter((slot) => !members.has(slot));
  let next = 0;
  for (const id of incoming) {
    let slot = targets.shift();
    if (slot === undefined || members.has(slot)) {
      while (members.has(next)) next++;
      slot = next;
    }
    members.set(slot, id);
    filled.push(slot);
  }
  return filled;
}

/** The members' ids ordered by slot. */
export function idsBySlot(members: SlotMap): string[] {
  return [...members.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
}
