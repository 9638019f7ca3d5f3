import { newHex32 } from './ids';
import type { OrgUser, Tenant } from './state';

/** The demo tenant (emulator/README.md); seeded on start and after every reset. */
export const DEMO_TENANT = {
  domainName: 'demo',
  domainId: '9f1e2d3c4b5a69788796a5b4c3d2e1f0',
  userName: 'demo',
  userId: '7c6b5a4d3e2f1a0b9c8d7e6f5a4b3c2d',
  password: 'demo-password',
  projectName: 'cn-north-4',
  projectId: '0b3e4c8a2f5d4e6f8a9b0c1d2e3f4a5b',
  accessKey: 'DEMOACCESSKEY0000000',
  secretKey: 'demo-secret-key',
} as const;

/** Demo organisation users 1008600000104285462 … 1008600000104285471 (the prepare example's user id first, docs/api/endpoints.md#identifiers). */
export const DEMO_USERS: OrgUser[] = Array.from({ length: 10 }, (_, i) => ({
  userId: String(1008600000104285462n + BigInt(i)),
  name: `demo-user-${String(i + 1).padStart(2, '0')}`,
}));

export function createDemoTenant(): Tenant {
  const d = DEMO_TENANT;
  return {
    domainId: d.domainId,
    domainName: d.domainName,
    userId: d.userId,
    userName: d.userName,
    password: d.password,
    projects: [{ id: d.projectId, name: d.projectName }],
    accessKey: d.accessKey,
    secretKey: d.secretKey,
    users: DEMO_USERS.map((u) => ({ ...u })),
  };
}

export interface TenantSeed {
  domainName: string;
  userName: string;
  password: string;
  projectName: string;
  projectId?: string;
  accessKey?: string;
  secretKey?: string;
  users?: (string | { userId: string; name?: string })[];
}

function toOrgUser(user: string | { userId: string; name?: string }): OrgUser {
  return typeof user === 'string'
    ? { userId: user, name: `user-${user}` }
    : { userId: user.userId, name: user.name ?? `user-${user.userId}` };
}

/** A new tenant from a seed; ids not given are random, keys default to derived test values. */
export function tenantFromSeed(seed: TenantSeed): Tenant {
  return {
    domainId: newHex32(),
    domainName: seed.domainName,
    userId: newHex32(),
    userName: seed.userName,
    password: seed.password,
    projects: [{ id: seed.projectId ?? newHex32(), name: seed.projectName }],
    accessKey: seed.accessKey ?? `AK${newHex32().slice(0, 18).toUpperCase()}`,
    secretKey: seed.secretKey ?? newHex32() + newHex32().slice(0, 8),
    users: (seed.users ?? []).map(toOrgUser),
  };
}

/** Seeding an existing domain updates it in place: credentials replaced, project and users added. */
export function mergeTenantSeed(tenant: Tenant, seed: TenantSeed): void {
  tenant.userName = seed.userName;
  tenant.password = seed.password;
  if (seed.accessKey) tenant.accessKey = seed.accessKey;
  if (seed.secretKey) tenant.secretKey = seed.secretKey;
  if (!tenant.projects.some((p) => p.name === seed.projectName)) {
    tenant.projects.push({ id: seed.projectId ?? newHex32(), name: seed.projectName });
  }
  for (const user of (seed.users ?? []).map(toOrgUser)) {
    if (!tenant.users.some((u) => u.userId === user.userId)) tenant.users.push(user);
  }
}
