import { z } from 'zod';
import type { EmulatorModel } from './emulator-model';
import { newHex32, newInstanceId } from './ids';
import { RunningStatus } from './running-status';
import { findSku } from './sku-catalogue';
import type { InstanceRecord, Tenant } from './state';
import { DEMO_TENANT, mergeTenantSeed, tenantFromSeed } from './tenants';

/** Body of POST /_emulator/seed (emulator/README.md, control plane), plus `instanceId` and `frozen` so literal doc examples fit. */
export const seedRequest = z.strictObject({
  tenants: z
    .array(
      z.strictObject({
        domainName: z.string().min(1),
        userName: z.string().min(1),
        password: z.string().min(1),
        projectName: z.string().min(1),
        projectId: z.string().min(1).optional(),
        accessKey: z.string().min(1).optional(),
        secretKey: z.string().min(1).optional(),
        users: z
          .array(
            z.union([
              z.string().min(1).max(32),
              z.strictObject({ userId: z.string().min(1).max(32), name: z.string().optional() }),
            ]),
          )
          .optional(),
      }),
    )
    .optional(),
  instances: z
    .array(
      z.strictObject({
        tenant: z.string().min(1).optional(),
        instanceName: z.string().min(1),
        instanceId: z.string().min(1).max(32).optional(),
        billingMode: z.enum(['0', '1']).optional(),
        os: z.enum(['AOSP9', 'AOSP11']).optional(),
        instanceSkuId: z.string().min(1).optional(),
        regionId: z.string().min(1).optional(),
        runningStatus: z.number().int().min(0).max(5).optional(),
        assignUser: z.string().min(1).max(32).optional(),
        frozen: z.boolean().optional(),
      }),
    )
    .optional(),
});
export type SeedRequest = z.infer<typeof seedRequest>;

export class SeedError extends Error {}

function seedTenant(model: EmulatorModel, seed: NonNullable<SeedRequest['tenants']>[number]): Tenant {
  const existing = model.tenantByDomainName(seed.domainName);
  if (existing) {
    mergeTenantSeed(existing, seed);
    return existing;
  }
  const tenant = tenantFromSeed(seed);
  model.tenants.push(tenant);
  return tenant;
}

type InstanceSeed = NonNullable<SeedRequest['instances']>[number];

const DEFAULT_REGION = 'cn-north-4';
const DEFAULT_SKU = 'kp.professional.xlarge.32g.2';

function checkInstanceSeed(model: EmulatorModel, seed: InstanceSeed, newTenants: Set<string>): void {
  const domain = seed.tenant ?? DEMO_TENANT.domainName;
  if (!model.tenantByDomainName(domain) && !newTenants.has(domain)) throw new SeedError(`unknown tenant ${domain}`);
  const regionId = seed.regionId ?? DEFAULT_REGION;
  const instanceSkuId = seed.instanceSkuId ?? DEFAULT_SKU;
  if (!findSku(regionId, instanceSkuId)) throw new SeedError(`unknown SKU ${instanceSkuId} in ${regionId}`);
  if (seed.instanceId && model.instances.has(seed.instanceId))
    throw new SeedError(`instance id ${seed.instanceId} exists`);
}

function seedInstance(model: EmulatorModel, seed: InstanceSeed): InstanceRecord {
  const tenant = model.tenantByDomainName(seed.tenant ?? DEMO_TENANT.domainName)!;
  const regionId = seed.regionId ?? DEFAULT_REGION;
  const instanceSkuId = seed.instanceSkuId ?? DEFAULT_SKU;
  let instanceId = seed.instanceId ?? newInstanceId();
  while (!seed.instanceId && model.instances.has(instanceId)) instanceId = newInstanceId();
  if (seed.assignUser && !tenant.users.some((u) => u.userId === seed.assignUser)) {
    tenant.users.push({ userId: seed.assignUser, name: `user-${seed.assignUser}` });
  }
  const billingMode = seed.billingMode ?? '1';
  const project = tenant.projects[0];
  const inst: InstanceRecord = {
    instanceId,
    instanceName: seed.instanceName,
    tenantDomainId: tenant.domainId,
    projectId: project.id,
    projectName: project.name,
    regionId,
    os: seed.os ?? 'AOSP11',
    instanceSkuId,
    bandSkuId: 'kp.bandwidth',
    bandSize: 4,
    network: 'EIP',
    billingMode,
    orderId: billingMode === '1' ? `CS${newHex32().slice(0, 15).toUpperCase()}` : null,
    orderPaid: true,
    chargeParam: null,
    createdAt: model.now(),
    runningStatus: seed.runningStatus ?? RunningStatus.RUNNING,
    transition: null,
    frozen: seed.frozen ?? false,
    assignUser: seed.assignUser ?? null,
    deviceId: newHex32(),
    preparation: null,
    backup: null,
    video: null,
    apps: [],
  };
  model.instances.set(instanceId, inst);
  return inst;
}

/** Applies a seed request; validates everything it can before changing anything. */
export function applySeed(model: EmulatorModel, req: SeedRequest): { tenants: Tenant[]; instances: InstanceRecord[] } {
  const ids = (req.instances ?? []).map((i) => i.instanceId).filter((id): id is string => id !== undefined);
  if (new Set(ids).size !== ids.length) throw new SeedError('duplicate instanceId in seed');
  const newTenants = new Set((req.tenants ?? []).map((t) => t.domainName));
  for (const seed of req.instances ?? []) checkInstanceSeed(model, seed, newTenants);
  for (const seed of req.tenants ?? []) {
    const owner = seed.accessKey ? model.tenantByAccessKey(seed.accessKey) : undefined;
    if (owner && owner.domainName !== seed.domainName) throw new SeedError('access key already used by another tenant');
  }
  const tenants = (req.tenants ?? []).map((t) => seedTenant(model, t));
  const instances = (req.instances ?? []).map((i) => seedInstance(model, i));
  model.commit();
  return { tenants, instances };
}
