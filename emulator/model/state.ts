/**
 * The persisted state of the emulator. Plain JSON (no Dates, no Maps): the store writes it as one snapshot document
 * plus a journal of `StateChange`s. All times are milliseconds on the virtual clock.
 */

export interface OrgUser {
  userId: string;
  name: string;
}

export interface Project {
  id: string;
  name: string;
}

export interface Tenant {
  domainId: string;
  domainName: string;
  userId: string;
  userName: string;
  password: string;
  projects: Project[];
  accessKey: string;
  secretKey: string;
  /** Users of the tenant's KooPhone organisation: the only valid assign targets (docs/api/endpoints.md#assign). */
  users: OrgUser[];
  /** Modelled account balance that renewals are paid from (docs/api/billing.md); absent: the default. */
  billingBalance?: number;
}

export type BillingMode = '0' | '1';

export interface ChargeParam {
  chargingMode: number;
  periodType: number;
  periodNum: number;
  isAutoPay: number;
  isAutoRenew: number;
}

/** A pending lifecycle step: at `at`, running_status becomes `to`, or the instance disappears. */
export interface Transition {
  to: number | 'gone';
  at: number;
}

export interface VideoSettingsRecord {
  instanceSettings: unknown[];
  appliedAt: number;
}

export interface Preparation {
  userId: string;
  startedAt: number;
  queuedUntil: number;
  restoredAt: number;
}

export interface BackupRecord {
  startedAt: number;
  doneAt: number;
}

export interface InstalledApp {
  objectName: string;
  objectVersion: string;
  fileName: string;
  installedAt: number;
}

export interface InstanceRecord {
  instanceId: string;
  instanceName: string;
  tenantDomainId: string;
  projectId: string;
  projectName: string;
  regionId: string;
  os: string;
  instanceSkuId: string;
  bandSkuId: string;
  bandSize: number;
  network: string;
  /** create `nodeGroupId` (SDK 3.1.198+), when the phone was bought into a node group. */
  nodeGroupId?: string;
  billingMode: BillingMode;
  orderId: string | null;
  /** false while a create with isAutoPay=0 waits for payment (running_status 0, no provisioning). */
  orderPaid: boolean;
  chargeParam: ChargeParam | null;
  createdAt: number;
  runningStatus: number;
  transition: Transition | null;
  frozen: boolean;
  assignUser: string | null;
  deviceId: string;
  preparation: Preparation | null;
  backup: BackupRecord | null;
  video: VideoSettingsRecord | null;
  apps: InstalledApp[];
  /** Control plane: this many of the phone's next install jobs fail (status 3, CPS.0191), for partial-failure tests. */
  failingInstalls?: number;
  /** The yearly/monthly subscription as the billing API shows it; created on first sight (model/subscriptions.ts). */
  subscription?: SubscriptionRecord;
}

/** A phone's yearly/monthly subscription (docs/api/billing.md). Times on the virtual clock. */
export interface SubscriptionRecord {
  effectiveAt: number;
  expireAt: number;
  /** The period auto-renew extends by: 2 month, 3 year. */
  periodType: number;
  periodNum: number;
  autoRenew: boolean;
  /** Expiry policy "change to pay-per-use" (to-on-demand SET_UP). */
  payPerUseAtExpiry: boolean;
  /** Renewals applied (manual and automatic), for tests that count them. */
  renewals: number;
  /** Set when the subscription expired unrenewed: the phone is frozen and released after the grace period. */
  frozenAt?: number;
}

export interface JobOutcome {
  /** Command jobs end 2 or −1; app-install jobs end 2 or 3 (SDK JobDetail, docs/api/wire-fidelity.md). */
  status: 2 | -1 | 3;
  errorCode: string;
  errorMsg: string;
  executeMsg: string | null;
}

export interface JobRecord {
  jobId: string;
  instanceId: string;
  outcome: JobOutcome;
}

export type TaskKind = 'command' | 'app-install' | 'reset' | 'unassign' | 'backup';

export interface TaskRecord {
  taskId: string;
  tenantDomainId: string;
  kind: TaskKind;
  createdAt: number;
  doneAt: number;
  jobs: JobRecord[];
}

export interface EmulatorState {
  version: 1;
  /** Signs IAM tokens; kept across reset so a cached demo token stays valid for the re-seeded demo tenant. */
  tokenSecret: string;
  clockOffsetMs: number;
  tenants: Tenant[];
  instances: InstanceRecord[];
  tasks: TaskRecord[];
  /** Next name sequence per `domainId/prefix`; never reused, so names stay unique for reconciliation. */
  nameCounters: Record<string, number>;
}

/** The small, rarely changing part of the state, journalled as one piece when any of it changes. */
export interface StateMeta {
  tokenSecret: string;
  clockOffsetMs: number;
  tenants: Tenant[];
}

/** One journalled change; `value: null` removes the entry. A commit appends its changes as one all-or-nothing batch. */
export type StateChange =
  | { kind: 'instance'; id: string; value: InstanceRecord | null }
  | { kind: 'task'; id: string; value: TaskRecord | null }
  | { kind: 'counter'; key: string; value: number }
  | { kind: 'meta'; value: StateMeta };
