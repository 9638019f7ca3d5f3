import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonFileStore } from '../store/json-file-store';
import { DEMO_CREATE_BODY, EmulatorHarness } from '../testing/emulator-harness';
import { EmulatorModel } from './emulator-model';
import { applySeed } from './seeding';
import type { EmulatorState, StateChange } from './state';

const CREATE = DEMO_CREATE_BODY;

describe('the emulator at fleet scale', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  afterAll(() => emu.close());

  const create = (instanceNamePrefix: string, count: number) =>
    emu.api('POST', '/v1/instances/create', { body: { ...CREATE, instanceNamePrefix, count }, requestId: false });

  it('orders 1,500 and 2,000 phones in one create each', async () => {
    await emu.control('POST', '/reset');
    for (const count of [1500, 2000]) {
      const res = await create(`order${count}`, count);
      expect(res.json.error_code).toBe('0');
      expect(res.json.data.instanceInfos).toHaveLength(count);
    }
    expect((await create('too-many', 2001)).json.error_code).toBe('KOOPHONE.API.1000');
  });

  it('pages batch-query over 10,000 phones: every phone exactly once', async () => {
    await emu.control('POST', '/reset');
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await create(`fleet${i}`, 2000);
      created.push(...(res.json.data.instanceInfos as { instanceId: string }[]).map((p) => p.instanceId));
    }
    const seen: string[] = [];
    for (let page = 1; page <= 101; page++) {
      const res = await emu.api('GET', `/v1/instances/batch-query?page_no=${page}&page_size=100`);
      expect(res.json.data.total_count).toBe(10_000);
      seen.push(...(res.json.data.result as { instance_id: string }[]).map((p) => p.instance_id));
    }
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
    expect(new Set(seen)).toEqual(new Set(created));
  }, 60_000);
});

describe('persistence of the emulator model', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kp-model-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = () => {
    const store = new JsonFileStore<EmulatorState, StateChange>(dir);
    return { store, model: new EmulatorModel(store) };
  };
  const seed = (model: EmulatorModel, prefix: string, n: number) =>
    applySeed(model, {
      instances: Array.from({ length: n }, (_, i) => ({ instanceName: `${prefix}-${String(i + 1).padStart(5, '0')}` })),
    });

  it('replays the journal after a restart: changed, deleted and nested-changed phones, tenants, clock', () => {
    const { model } = open();
    const [a, b] = seed(model, 'keep', 2).instances;
    model.instances
      .get(a.instanceId)!
      .apps.push({ objectName: 'x.y', objectVersion: '1', fileName: 'x.apk', installedAt: 1 });
    model.instances.get(a.instanceId)!.assignUser = '1008600000104285462';
    model.commit();
    model.instances.delete(b.instanceId);
    model.tenants[0].billingBalance = 42;
    model.advanceClock(3600);
    model.commit(); // the clock's tick filled in subscriptions on first sight
    const before = model.snapshot();

    const reopened = open().model;
    expect(reopened.snapshot()).toEqual(before);
    expect(reopened.instances.get(a.instanceId)!.apps).toHaveLength(1);
    expect(reopened.instances.has(b.instanceId)).toBe(false);
  });

  it('writes the same bytes for a one-phone mutation whether 100 or 10,000 phones are stored', () => {
    const bytesPerMutation = (phones: number): number => {
      const { store, model } = open();
      const [first] = seed(model, 'fleet', phones).instances;
      const before = store.stats.bytesWritten;
      for (let i = 0; i < 20; i++) {
        model.instances.get(first.instanceId)!.frozen = i % 2 === 0;
        model.commit();
      }
      expect(store.stats.appends).toBeGreaterThanOrEqual(20);
      rmSync(dir, { recursive: true, force: true });
      return (store.stats.bytesWritten - before) / 20;
    };
    const small = bytesPerMutation(100);
    expect(bytesPerMutation(10_000)).toBe(small);
    expect(small).toBeLessThan(2000);
  });

  it('writes nothing for a commit that changed nothing', () => {
    const { store, model } = open();
    seed(model, 'idle', 3);
    const before = store.stats.bytesWritten;
    model.commit();
    expect(store.stats.bytesWritten).toBe(before);
  });
});
