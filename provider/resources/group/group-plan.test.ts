import {
  chunk,
  emptySlots,
  idsBySlot,
  orderPrefix,
  orderSeqOf,
  placeInSlots,
  slotsAbove,
  type SlotMap,
} from './group-plan';

describe('group planning', () => {
  it('names each order under the group prefix with a fixed-width base-36 number, at most 14 characters', () => {
    expect(orderPrefix('fleet-abcde', 0)).toBe('fleet-abcde000');
    expect(orderPrefix('fleet-abcde', 37)).toBe('fleet-abcde011');
    expect(orderPrefix('fleet-abcde', 36 ** 3 - 1)).toHaveLength(14);
    expect(() => orderPrefix('fleet-abcde', 36 ** 3)).toThrow(/outside/);
  });

  it("reads an order number back from a phone's name, and only from the group's own orders", () => {
    expect(orderSeqOf('fleet-abcde', 'fleet-abcde011-00042')).toBe(37);
    expect(orderSeqOf('fleet-abcde', 'fleet-abcde-00001')).toBeUndefined(); // an Instance's phone
    expect(orderSeqOf('fleet-abcde', 'fleet-abcdef11-00001')).toBe(parseInt('f11', 36));
    expect(orderSeqOf('fleet-abcde', 'other-abcde000-00001')).toBeUndefined();
  });

  it('splits k phones into ceil(k/1500) orders', () => {
    const slots = Array.from({ length: 3200 }, (_, i) => i);
    expect(chunk(slots).map((c) => c.length)).toEqual([1500, 1500, 200]);
    expect(chunk([])).toEqual([]);
    expect(chunk([1, 2, 3], 100)).toEqual([[1, 2, 3]]);
  });

  it('finds the empty slots below the size (lowest first) and the occupied ones above it (highest first)', () => {
    const members: SlotMap = new Map([
      [0, 'a'],
      [2, 'c'],
      [5, 'f'],
      [7, 'h'],
    ]);
    expect(emptySlots(members, 6)).toEqual([1, 3, 4]);
    expect(emptySlots(members, 6, new Set([3]))).toEqual([1, 4]);
    expect(slotsAbove(members, 3)).toEqual([7, 5]);
    expect(idsBySlot(members)).toEqual(['a', 'c', 'f', 'h']);
  });

  it('puts an order into the slots it was placed for, overflow into the lowest empty slots, and skips members', () => {
    const members: SlotMap = new Map([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(placeInSlots(members, ['x', 'y'], [4, 1])).toEqual([4, 2]);
    expect(placeInSlots(members, ['a', 'z'])).toEqual([3]);
    expect(idsBySlot(members)).toEqual(['a', 'b', 'y', 'z', 'x']);
  });
});
