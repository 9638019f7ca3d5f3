import { MemoryStore } from '../store/memory-store';
import { DueQueue } from './due-queue';
import { EmulatorModel } from './emulator-model';
import { RunningStatus } from './running-status';
import { applySeed } from './seeding';
import type { EmulatorState, StateChange } from './state';

describe('DueQueue', () => {
  it('pops entries earliest first, ties in any order, and reports the earliest time left', () => {
    const q = new DueQueue();
    const times = [50, 10, 40, 10, 30, 20, 60, 0];
    times.forEach((at, i) => q.push(at, `p${i}`));
    expect(q.peek()).toBe(0);
    const popped: number[] = [];
    while (q.size > 0) popped.push(q.pop()!.at);
    expect(popped).toEqual([...times].sort((a, b) => a - b));
    expect(q.peek()).toBe(Infinity);
    expect(q.pop()).toBeUndefined();
  });
});

describe('EmulatorModel lifecycle steps through the queue', () => {
  const open = (store = new MemoryStore<EmulatorState, StateChange>()) => ({ store, model: new EmulatorModel(store) });
  const seedOne = (model: EmulatorModel) => {
    const [inst] = applySeed(model, { instances: [{ instanceName: 'q-00001' }] }).instances;
    return model.instances.get(inst.instanceId)!;
  };

  it('applies only the latest schedule of a phone; a cancelled one not at all; a restart keeps pending ones', () => {
    const { store, model } = open();
    const inst = seedOne(model);
    model.schedule(inst, RunningStatus.STARTING, 10);
    model.schedule(inst, RunningStatus.SHUT_DOWN, 20); // replaces the first
    model.commit();
    model.advanceClock(15);
    expect(inst.runningStatus).toBe(RunningStatus.RUNNING);
    const reopened = open(store).model;
    reopened.advanceClock(10);
    expect(reopened.instances.get(inst.instanceId)!.runningStatus).toBe(RunningStatus.SHUT_DOWN);

    model.schedule(inst, RunningStatus.STOPPED, 5);
    inst.transition = null; // as set-status cancels it
    model.advanceClock(10);
    expect(inst.runningStatus).toBe(RunningStatus.RUNNING);
  });
});
