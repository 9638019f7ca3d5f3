import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorModel } from '../model/emulator-model';
import { payOrder } from '../model/instance-ops';
import { backupStatus, restoreStatus } from '../model/instance-view';
import { ALL_OPS } from '../model/ops';
import { SeedError, applySeed, seedRequest } from '../model/seeding';
import type { InstanceRecord } from '../model/state';
import type { RequestCounters } from './counters';
import type { FaultBook } from './faults';

export interface ControlDeps {
  model: EmulatorModel;
  faults: FaultBook;
  counters: RequestCounters;
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseControlBody<S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ControlError(400, 'body is not valid JSON');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new ControlError(400, z.prettifyError(result.error));
  return result.data;
}

/** Control answers are plain JSON; failures `{error}` with 400/404. */
export async function answer(reply: FastifyReply, produce: () => unknown): Promise<FastifyReply> {
  try {
    return await reply.code(200).send(produce());
  } catch (err) {
    if (err instanceof ControlError) return reply.code(err.status).send({ error: err.message });
    if (err instanceof SeedError || err instanceof RangeError) return reply.code(400).send({ error: err.message });
    throw err;
  }
}

/** The full internal record of a phone, with its tenant's domain name and computed statuses. */
export function internalRecord(model: EmulatorModel, inst: InstanceRecord): Record<string, unknown> {
  const now = model.now();
  return {
    ...inst,
    tenant: model.tenantByDomainId(inst.tenantDomainId)?.domainName ?? null,
    // The control plane (emulator/README.md) names the SKU field `sku`; instanceSkuId is the create spelling.
    sku: inst.instanceSkuId,
    backupStatus: backupStatus(inst, now),
    restoreStatus: restoreStatus(inst, now),
  };
}

const nonNegative = z.number().finite().min(0);
const settingsBody = z.strictObject({
  provisionSeconds: nonNegative.optional(),
  releaseSeconds: nonNegative.optional(),
  taskSeconds: nonNegative.optional(),
});
const faultBody = z.strictObject({
  endpoint: z.enum(ALL_OPS),
  status: z.number().int().min(100).max(599).optional(),
  errorCode: z.string().min(1).optional(),
  errorMsg: z.string().optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  count: z.number().int().min(1).optional(),
  dropAfterCommit: z.boolean().optional(),
});
const mutateBody = z.strictObject({
  action: z.enum(['unassign', 'assign', 'set-status', 'freeze', 'unfreeze', 'delete', 'remove-app', 'fail-installs']),
  userId: z.string().min(1).max(32).optional(),
  /** remove-app: the package removed out of band. */
  appPkg: z.string().min(1).max(100).optional(),
  /** fail-installs: how many of the phone's next install jobs fail. */
  count: z.number().int().min(0).max(1000).optional(),
  runningStatus: z.number().int().min(0).max(5).optional(),
});

/** Applies an out-of-band change (drift tests): no API rules, no events, immediate. */
function mutateInstance(model: EmulatorModel, inst: InstanceRecord, body: z.infer<typeof mutateBody>): unknown {
  switch (body.action) {
    case 'unassign':
      inst.assignUser = null;
      inst.preparation = null;
      break;
    case 'assign':
      if (!body.userId) throw new ControlError(400, 'assign needs userId');
      inst.assignUser = body.userId;
      break;
    case 'set-status':
      if (body.runningStatus === undefined) throw new ControlError(400, 'set-status needs runningStatus');
      inst.runningStatus = body.runningStatus;
      inst.transition = null;
      break;
    case 'freeze':
    case 'unfreeze':
      inst.frozen = body.action === 'freeze';
      break;
    case 'remove-app':
      if (!body.appPkg) throw new ControlError(400, 'remove-app needs appPkg');
      inst.apps = inst.apps.filter((a) => a.objectName !== body.appPkg);
      break;
    case 'fail-installs':
      inst.failingInstalls = body.count ?? 1;
      break;
    case 'delete':
      model.instances.delete(inst.instanceId);
      model.commit();
      return { deleted: inst.instanceId };
  }
  model.commit();
  return { instance: internalRecord(model, inst) };
}

/** `/_emulator/...`: reset, seed, clock, settings, faults, out-of-band mutations, counters (emulator/README.md). */
export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  const { model, faults, counters } = deps;

  app.post('/_emulator/reset', (_req, reply) =>
    answer(reply, () => {
      model.reset();
      faults.clear();
      counters.clear();
      return { reset: true };
    }),
  );

  app.post('/_emulator/seed', (req, reply) =>
    answer(reply, () => {
      model.tick();
      const seeded = applySeed(model, parseControlBody(seedRequest, req));
      return {
        tenants: seeded.tenants.map((t) => ({
          domainName: t.domainName,
          domainId: t.domainId,
          userName: t.userName,
          userId: t.userId,
          projects: t.projects,
          accessKey: t.accessKey,
          users: t.users,
        })),
        instances: seeded.instances.map((i) => internalRecord(model, i)),
      };
    }),
  );

  app.post('/_emulator/clock', (req, reply) =>
    answer(reply, () => {
      const { advanceSeconds } = parseControlBody(z.strictObject({ advanceSeconds: nonNegative }), req);
      model.advanceClock(advanceSeconds);
      return { now: new Date(model.now()).toISOString(), offsetSeconds: model.clock.offset / 1000 };
    }),
  );

  app.get('/_emulator/settings', (_req, reply) => answer(reply, () => ({ settings: model.settings })));
  app.put('/_emulator/settings', (req, reply) =>
    answer(reply, () => {
      const patch = parseControlBody(settingsBody, req);
      model.settings = { ...model.settings, ...patch };
      return { settings: model.settings };
    }),
  );

  app.get('/_emulator/faults', (_req, reply) => answer(reply, () => ({ faults: faults.list() })));
  app.post('/_emulator/faults', (req, reply) =>
    answer(reply, () => {
      const { count, dropAfterCommit, ...rest } = parseControlBody(faultBody, req);
      faults.add({ ...rest, remaining: count ?? 1, dropAfterCommit: dropAfterCommit ?? false });
      return { faults: faults.list() };
    }),
  );
  app.delete('/_emulator/faults', (_req, reply) =>
    answer(reply, () => {
      faults.clear();
      return { faults: [] };
    }),
  );

  app.get('/_emulator/instances', (_req, reply) =>
    answer(reply, () => {
      model.tick();
      return { instances: [...model.instances.values()].map((i) => internalRecord(model, i)) };
    }),
  );

  app.post<{ Params: { id: string } }>('/_emulator/instances/:id/mutate', (req, reply) =>
    answer(reply, () => {
      model.tick();
      const body = parseControlBody(mutateBody, req);
      const inst = model.instances.get(req.params.id);
      if (!inst) throw new ControlError(404, `instance ${req.params.id} does not exist`);
      return mutateInstance(model, inst, body);
    }),
  );

  app.get<{ Params: { id: string } }>('/_emulator/video-settings/:id', (req, reply) =>
    answer(reply, () => {
      const inst = model.instances.get(req.params.id);
      if (!inst) throw new ControlError(404, `instance ${req.params.id} does not exist`);
      if (!inst.video) throw new ControlError(404, `no video settings were applied to ${req.params.id}`);
      return {
        instanceId: inst.instanceId,
        instanceSettings: inst.video.instanceSettings,
        appliedAt: new Date(inst.video.appliedAt).toISOString(),
      };
    }),
  );

  app.post<{ Params: { orderId: string } }>('/_emulator/orders/:orderId/pay', (req, reply) =>
    answer(reply, () => {
      model.tick();
      const paid = payOrder(model, req.params.orderId);
      if (paid.length === 0) throw new ControlError(404, `no unpaid order ${req.params.orderId}`);
      return { orderId: req.params.orderId, instanceIds: paid };
    }),
  );

  app.get('/_emulator/counters', (_req, reply) => answer(reply, () => ({ counters: counters.snapshot() })));
  app.delete('/_emulator/counters', (_req, reply) =>
    answer(reply, () => {
      counters.clear();
      return { counters: counters.snapshot() };
    }),
  );
}
