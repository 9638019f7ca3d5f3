import { randomBytes } from 'node:crypto';
import type { StateStore } from '../store/state-store';
import { VirtualClock } from './clock';
import { DueQueue } from './due-queue';
import { InstanceStore } from './instance-index';
import type { EmulatorState, InstanceRecord, StateChange, StateMeta, TaskRecord, Tenant } from './state';
import { createDemoTenant } from './tenants';
import { applySubscriptionLifecycle } from './subscriptions';
import { TrackedMap, untracked } from './tracked-map';

export interface LifecycleSettings {
  /** Seconds from create / reboot / reset (running_status 4) to running (2). */
  provisionSeconds: number;
  /** Seconds from delete (running_status 3) until the instance is gone. */
  releaseSeconds: number;
  /** Seconds until async jobs (commands, app installs, reset, unassign, backup) finish; prepare phases too. */
  taskSeconds: number;
}

export const DEFAULT_SETTINGS: LifecycleSettings = { provisionSeconds: 3, releaseSeconds: 1, taskSeconds: 2 };

/** At most this many tasks are kept; the oldest are dropped (a task id then reads as unknown). */
const MAX_TASKS = 5000;

/**
 * Owns the emulator's state: tenants, instances, tasks, the virtual clock and the lifecycle settings.
 * Every mutation ends with `commit()`, which persists synchronously before the HTTP answer is sent: only what
 * changed since the last commit (tracked by the maps and `metaJson`), so its cost follows the size of the change,
 * not the number of phones stored. Lifecycle transitions are applied lazily by `tick()` at the start of each request.
 */
export class EmulatorModel {
  readonly clock: VirtualClock;
  settings: LifecycleSettings;
  /** The settings the emulator started with; reset returns to them. */
  private readonly initialSettings: LifecycleSettings;
  tokenSecret: string;
  tenants: Tenant[] = [];
  /** Phones, indexed by tenant, name stem and order (instance-index.ts). */
  readonly instances = new InstanceStore();
  readonly tasks = new TrackedMap<TaskRecord>();
  nameCounters: Record<string, number> = {};
  /** Pending lifecycle steps by due time (schedule pushes, tick pops): tick never passes over every phone. */
  private readonly due = new DueQueue();
  /** Name-counter keys changed since the last commit (only takeNameSequence writes them). */
  private readonly dirtyCounters = new Set<string>();
  /** Tenants, clock offset and token secret as last persisted: small, so compared whole at each commit. */
  private metaJson = '';

  constructor(
    private readonly store: StateStore<EmulatorState, StateChange>,
    settings: Partial<LifecycleSettings> = {},
    clock = new VirtualClock(),
  ) {
    this.clock = clock;
    this.initialSettings = { ...DEFAULT_SETTINGS, ...settings };
    this.settings = { ...this.initialSettings };
    const saved = store.load();
    if (saved) {
      const { state, changes } = saved;
      if (state.version !== 1) throw new Error(`unsupported emulator state version ${String(state.version)}`);
      this.tokenSecret = state.tokenSecret;
      this.clock.restore(state.clockOffsetMs);
      this.tenants = state.tenants;
      for (const inst of state.instances) this.instances.restore(inst.instanceId, inst);
      for (const task of state.tasks) this.tasks.restore(task.taskId, task);
      this.nameCounters = state.nameCounters;
      for (const change of changes) this.replay(change);
      this.metaJson = this.currentMetaJson();
      for (const inst of this.instances.values())
        if (inst.transition) this.due.push(inst.transition.at, inst.instanceId);
    } else {
      this.tokenSecret = randomBytes(32).toString('hex');
      this.tenants = [createDemoTenant()];
      this.saveSnapshot();
    }
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Wipes tenants, instances and tasks, re-seeds the demo tenant, returns the clock to real time and the
   * settings to their start values. The token secret survives, so a client's cached demo token stays valid.
   */
  reset(): void {
    this.clock.resetToRealTime();
    this.settings = { ...this.initialSettings };
    this.tenants = [createDemoTenant()];
    this.instances.clear();
    this.tasks.clear();
    this.nameCounters = {};
    this.due.clear();
    this.saveSnapshot();
  }

  snapshot(): EmulatorState {
    return {
      version: 1,
      tokenSecret: this.tokenSecret,
      clockOffsetMs: this.clock.offset,
      tenants: this.tenants,
      instances: [...this.instances.values()].map(untracked),
      tasks: [...this.tasks.values()].map(untracked),
      nameCounters: this.nameCounters,
    };
  }

  /** Persists what changed since the last commit as one all-or-nothing journal record; nothing when nothing did. */
  commit(): void {
    const changes: StateChange[] = [];
    for (const [id, value] of this.instances.drain()) changes.push({ kind: 'instance', id, value });
    for (const [id, value] of this.tasks.drain()) changes.push({ kind: 'task', id, value });
    for (const key of this.dirtyCounters) changes.push({ kind: 'counter', key, value: this.nameCounters[key] });
    this.dirtyCounters.clear();
    const meta = this.currentMetaJson();
    if (meta !== this.metaJson) changes.push({ kind: 'meta', value: JSON.parse(meta) as StateMeta });
    this.metaJson = meta;
    if (changes.length) this.store.append(changes, () => this.snapshot());
  }

  /** Replaces everything persisted with the whole state (first start and reset, where a journal would be larger). */
  private saveSnapshot(): void {
    this.store.save(this.snapshot());
    this.instances.markClean();
    this.tasks.markClean();
    this.dirtyCounters.clear();
    this.metaJson = this.currentMetaJson();
  }

  private currentMetaJson(): string {
    const meta: StateMeta = { tokenSecret: this.tokenSecret, clockOffsetMs: this.clock.offset, tenants: this.tenants };
    return JSON.stringify(meta);
  }

  private replay(change: StateChange): void {
    switch (change.kind) {
      case 'instance':
        return this.instances.restore(change.id, change.value);
      case 'task':
        return this.tasks.restore(change.id, change.value);
      case 'counter':
        this.nameCounters[change.key] = change.value;
        return;
      case 'meta':
        this.tokenSecret = change.value.tokenSecret;
        this.clock.restore(change.value.clockOffsetMs);
        this.tenants = change.value.tenants;
    }
  }

  advanceClock(seconds: number): void {
    this.clock.advance(seconds);
    this.commit();
    this.tick();
  }

  /** Schedules a lifecycle step for an instance (replacing any pending one). */
  schedule(inst: InstanceRecord, to: number | 'gone', afterSeconds: number): void {
    const at = this.now() + Math.max(0, afterSeconds) * 1000;
    inst.transition = { to, at };
    this.due.push(at, inst.instanceId);
  }

  /** Applies every transition that is due on the virtual clock. Cheap when nothing is due. */
  tick(): void {
    applySubscriptionLifecycle(this);
    const now = this.now();
    let changed = false;
    while (this.due.peek() <= now) {
      const { at, id } = this.due.pop()!;
      const inst = this.instances.get(id);
      const t = inst?.transition;
      // Gone, cancelled (set-status) or rescheduled since: a stale entry.
      if (!inst || !t || t.at !== at) continue;
      changed = true;
      if (t.to === 'gone') {
        this.instances.delete(inst.instanceId);
      } else {
        inst.runningStatus = t.to;
        inst.transition = null;
      }
    }
    if (changed) this.commit();
  }

  addTask(task: TaskRecord): void {
    this.tasks.set(task.taskId, task);
    while (this.tasks.size > MAX_TASKS) {
      const oldest = this.tasks.keys().next().value as string;
      this.tasks.delete(oldest);
    }
  }

  tenantByDomainId(domainId: string): Tenant | undefined {
    return this.tenants.find((t) => t.domainId === domainId);
  }

  tenantByDomainName(domainName: string): Tenant | undefined {
    return this.tenants.find((t) => t.domainName === domainName);
  }

  tenantByAccessKey(accessKey: string): Tenant | undefined {
    return this.tenants.find((t) => t.accessKey === accessKey);
  }

  /** Next unused `{prefix}-{seq}` sequence numbers for a tenant; never reused within the tenant. */
  takeNameSequence(domainId: string, prefix: string, count: number): number {
    const key = `${domainId}/${prefix}`;
    // Seeded phones may already use names of this prefix: continue after the highest one the index has seen.
    const highest = Math.max(this.nameCounters[key] ?? 0, this.instances.highestSequence(domainId, prefix));
    const first = highest + 1;
    this.nameCounters[key] = first + count - 1;
    this.dirtyCounters.add(key);
    return first;
  }
}
