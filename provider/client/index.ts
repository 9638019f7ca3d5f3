import type { AsyncTask, UserInstance } from '../schemas/wire/common';
import type { AppInstallRequest, InstalledApp } from '../schemas/wire/apps';
import type { CmdResult, TaskJob } from '../schemas/wire/commands';
import type { IamProject } from '../schemas/wire/iam';
import type {
  CreatedInstance,
  CreateInstancesRequest,
  InstanceRecord,
  InstanceStatus,
} from '../schemas/wire/instances';
import type { SkuCatalogue } from '../schemas/wire/skus';
import type { DeviceToken, PreparedInstance, PrepareProgress } from '../schemas/wire/streaming';
import type { VideoSettingRequest } from '../schemas/wire/video';
import { installAppOp, listInstanceAppsOp } from './apps';
import { assignInstancesOp, unassignInstancesOp } from './assignments';
import {
  akskAuthenticator,
  anonymousAuthenticator,
  passwordAuthenticator,
  staticTokenAuthenticator,
} from './authenticators';
import { listProjectsOp, lookupProjectsOp } from './iam';
import { IamTokenProvider } from './iam-token';
import {
  batchQueryStatusOp,
  createInstancesOp,
  deleteInstancesOp,
  listInstancesOp,
  rebootInstancesOp,
  resetInstancesOp,
} from './instances';
import { SecretRedactor } from './redact';
import { listSkusOp } from './skus';
import {
  backupInstancesOp,
  getDeviceTokenOp,
  getPrepareProgressOp,
  prepareInstancesOp,
  releaseSessionOp,
  stopStreamingOp,
} from './streaming';
import { asyncCommandOp, getTaskOp, syncCommandOp } from './tasks';
import { describeKey } from '../schemas/resources/provider-config';
import { Transport, type Authenticator, type EndpointSetting, type TransportHooks } from './transport';
import { setVideoConfigOp } from './video';

import { InvalidArgumentError } from './errors';
import { BillingApi, DEFAULT_BILLING_ENDPOINT } from './billing';
import { PricingApi } from './pricing';

export * from './errors';
export type { AsyncTask, CmdJob, UserInstance } from '../schemas/wire/common';
export type { AppInstallRequest, InstalledApp } from '../schemas/wire/apps';
export type { CmdResult, JobState, TaskJob } from '../schemas/wire/commands';
export { JOB_STATUS, jobState } from '../schemas/wire/commands';
export type { IamProject } from '../schemas/wire/iam';
export type {
  ChargeParam,
  CreatedInstance,
  CreateInstancesRequest,
  InstanceRecord,
  InstanceStatus,
} from '../schemas/wire/instances';
export type { InstanceSku, RegionSkus, SkuCatalogue, SkuPool } from '../schemas/wire/skus';
export type { DeviceToken, PreparedInstance, PrepareProgress } from '../schemas/wire/streaming';
export type { InstanceSetting, VideoSettingRequest, VideoSpec, VideoSpecGroup } from '../schemas/wire/video';
export type { TransportHooks } from './transport';
export { BillingApi, DEFAULT_BILLING_ENDPOINT } from './billing';
export { PricingApi, type ProductPrice, type RatedProducts } from './pricing';
export type { BssErrorDetail, OrderInstance, RenewSubscriptionsRequest } from '../schemas/wire/billing';

export type AuthConfig =
  | {
      kind: 'password';
      domainName: string;
      userName: string;
      password: string;
      projectName?: string;
      projectId?: string;
    }
  /**
   * projectId: sent and signed as X-Project-Id, as the official SDK does. projectName (a region such as cn-north-4)
   * without projectId: the id is looked up once with IAM GET /v3/projects?name=, like the SDK.
   */
  | {
      kind: 'aksk';
      accessKey: string;
      secretKey: string;
      securityToken?: string;
      projectId?: string;
      projectName?: string;
    }
  | { kind: 'token'; token: string };

export interface KooPhoneClientOptions {
  /** e.g. `https://koophone.myhuaweicloud.com` (no trailing slash needed). */
  endpoint: string;
  /** IAM origin for password tokens; defaults to `endpoint` (the emulator serves both). */
  iamEndpoint?: string;
  /** Huawei Cloud billing (BSS) origin for subscription calls; default `https://bss.myhuaweicloud.com`. */
  billingEndpoint?: string;
  auth: AuthConfig;
  /** Per attempt: time to response headers, and idle time while reading the body. Default 60 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for transient failures only. Default 3. */
  maxRetries?: number;
  /** Max requests in flight per origin for the whole process (the strictest client wins). Default 8. */
  concurrency?: number;
  /** First backoff step; doubles per retry, capped at 8 s, minus up to 25 % jitter. Default 500 ms. */
  retryBaseMs?: number;
  userAgent?: string;
  /**
   * Check requests against the documented limits before sending (default true). Turning it off lets tests probe
   * how a server enforces them.
   */
  validateRequests?: boolean;
}

export interface InstancePage {
  result: InstanceRecord[];
  pageNo: number;
  pageSize: number;
  totalCount: number;
}

export interface ListInstancesQuery {
  pageNo: number;
  pageSize: number;
  instanceId?: string;
  instanceName?: string;
  poolSceneTag?: string;
  /** UTC `2023-08-15 14:30:45`: creation time window. */
  queryStartTime?: string;
  queryEndTime?: string;
  order?: 'asc' | 'desc';
  orderBy?: string;
  /** Node group name. */
  poolName?: string;
}

export interface AppListQuery {
  pageNo: number;
  /** ≤ 200. */
  pageSize: number;
  /** 1 system apps, 2 third-party; all when absent. */
  appType?: 1 | 2;
}

export interface AppPage {
  result: InstalledApp[];
  totalCount: number;
}

/** Where a user sets each endpoint: network errors name the setting to fix, not only a URL. */
const API_ENDPOINT: EndpointSetting = { service: 'the KooPhone API', setting: describeKey('endpoint') };
const IAM_ENDPOINT: EndpointSetting = {
  service: 'IAM',
  setting: `${describeKey('iamEndpoint')}, by default https://iam.{region}.myhuaweicloud.com from ${describeKey('region')},`,
};

const BILLING_ENDPOINT: EndpointSetting = {
  service: 'the Huawei Cloud billing API',
  setting: describeKey('billingEndpoint'),
};
const DEFAULTS = { timeoutMs: 60_000, maxRetries: 3, concurrency: 8, retryBaseMs: 500, maxRetryDelayMs: 8_000 };
/** The server caps page_size at 100 (docs/api/ambiguities.md#a3). */
export const LIST_PAGE_SIZE = 100;

export class KooPhoneClient {
  private readonly api: Transport;
  /** Authenticated calls to IAM (projects). */
  private readonly iamApi: Transport;
  /** Unauthenticated IAM transport for the password-token request. */
  private readonly iam: Transport | undefined;
  /** Subscriptions through Huawei Cloud's billing API, with the same credentials (docs/api/billing.md). */
  readonly billing: BillingApi;
  /** Prices of yearly/monthly phones before buying them (BSS price inquiry). */
  readonly pricing: PricingApi;
  private readonly billingApi: Transport;

  constructor(opts: KooPhoneClientOptions, hooks?: TransportHooks) {
    const redactor = new SecretRedactor();
    const common = {
      redactor,
      timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRetries: opts.maxRetries ?? DEFAULTS.maxRetries,
      concurrency: opts.concurrency ?? DEFAULTS.concurrency,
      retryBaseMs: opts.retryBaseMs ?? DEFAULTS.retryBaseMs,
      maxRetryDelayMs: DEFAULTS.maxRetryDelayMs,
      userAgent: opts.userAgent ?? `pulumi-koophone/0.1.0 node/${process.version}`,
      validateRequests: opts.validateRequests ?? true,
      hooks,
    };
    const iamSetting = opts.iamEndpoint ? IAM_ENDPOINT : API_ENDPOINT;
    let auth: Authenticator;
    const a = opts.auth;
    if (a.kind === 'password') {
      this.iam = new Transport({
        ...common,
        endpoint: opts.iamEndpoint ?? opts.endpoint,
        endpointSetting: iamSetting,
        auth: anonymousAuthenticator,
      });
      auth = passwordAuthenticator(new IamTokenProvider(this.iam, a, redactor));
    } else if (a.kind === 'aksk') {
      redactor.add(a.secretKey);
      redactor.add(a.securityToken);
      const lookup = a.projectId === undefined && a.projectName !== undefined ? a.projectName : undefined;
      // The lookup itself is signed without X-Project-Id (there is none yet), as in the SDK.
      const iamLookup =
        lookup === undefined
          ? undefined
          : new Transport({ ...common, endpoint: opts.iamEndpoint ?? opts.endpoint, auth: akskAuthenticator(a) });
      this.iam = iamLookup;
      auth = akskAuthenticator(
        a,
        projectIdSource(a.projectId, iamLookup && lookup ? () => findProjectId(iamLookup, lookup) : undefined),
      );
    } else {
      redactor.add(a.token);
      auth = staticTokenAuthenticator(a.token);
    }
    this.api = new Transport({ ...common, endpoint: opts.endpoint, endpointSetting: API_ENDPOINT, auth });
    this.iamApi = new Transport({
      ...common,
      endpoint: opts.iamEndpoint ?? opts.endpoint,
      endpointSetting: iamSetting,
      auth,
    });
    this.billingApi = new Transport({
      ...common,
      endpoint: opts.billingEndpoint ?? DEFAULT_BILLING_ENDPOINT,
      endpointSetting: BILLING_ENDPOINT,
      auth,
    });
    this.billing = new BillingApi(this.billingApi);
    this.pricing = new PricingApi(this.billingApi);
  }

  /** Buys phones. Never retried once sent: on doubt it throws KooPhoneOutcomeUnknownError (reconcile by name prefix). */
  async createInstances(req: CreateInstancesRequest): Promise<{ orderId: string; instanceInfos: CreatedInstance[] }> {
    const { data } = await this.api.call(createInstancesOp, { body: req });
    return { orderId: data.data.orderId, instanceInfos: data.data.instanceInfos };
  }

  /** Unsubscribes yearly/monthly phones; pay-per-use ones fail with PayPerUseNotDeletableError (5001). */
  async deleteInstances(instanceIds: string[]): Promise<void> {
    await this.api.call(deleteInstancesOp, { body: { instanceIdList: instanceIds } });
  }

  async listInstances(q: ListInstancesQuery): Promise<InstancePage> {
    const { data } = await this.api.call(listInstancesOp, {
      query: {
        page_no: q.pageNo,
        page_size: q.pageSize,
        instance_id: q.instanceId,
        instance_name: q.instanceName,
        pool_scene_tag: q.poolSceneTag,
        query_start_time: q.queryStartTime,
        query_end_time: q.queryEndTime,
        order: q.order,
        order_by: q.orderBy,
        pool_name: q.poolName,
      },
    });
    return {
      result: data.result,
      pageNo: data.page_no ?? q.pageNo,
      pageSize: data.page_size ?? q.pageSize,
      totalCount: data.total_count,
    };
  }

  /**
   * Every instance matching the filter, in pages of 100 until total_count is reached. Stops early on an empty page
   * (phones deleted meanwhile) and drops duplicates (pages shift when phones appear or vanish between calls).
   */
  async listAllInstances(filter: { instanceName?: string; instanceId?: string } = {}): Promise<InstanceRecord[]> {
    const byId = new Map<string, InstanceRecord>();
    let fetched = 0;
    for (let pageNo = 1; ; pageNo++) {
      const page = await this.listInstances({ pageNo, pageSize: LIST_PAGE_SIZE, ...filter });
      for (const record of page.result) if (!byId.has(record.instance_id)) byId.set(record.instance_id, record);
      fetched += page.result.length;
      if (page.result.length === 0 || fetched >= page.totalCount) return [...byId.values()];
    }
  }

  async batchQueryStatus(instanceIds: string[]): Promise<InstanceStatus[]> {
    const { data } = await this.api.call(batchQueryStatusOp, { body: { instance_ids: instanceIds } });
    return data.data.status_results;
  }

  async assignInstances(pairs: UserInstance[]): Promise<void> {
    await this.api.call(assignInstancesOp, { body: { user_instances: pairs } });
  }

  /** Cancels assignments; the user's data on the phone is wiped. A missing binding is NotFoundError (2210). */
  async unassignInstances(pairs: UserInstance[]): Promise<void> {
    await this.api.call(unassignInstancesOp, { body: { user_instances: pairs } });
  }

  async setVideoConfig(req: VideoSettingRequest): Promise<void> {
    await this.api.call(setVideoConfigOp, { body: req });
  }

  async listSkus(type: '0' = '0'): Promise<SkuCatalogue> {
    const { data } = await this.api.call(listSkusOp, { query: { type } });
    return data.data;
  }

  async rebootInstances(instanceIds: string[]): Promise<void> {
    await this.api.call(rebootInstancesOp, { body: { instance_ids: instanceIds } });
  }

  /** Factory reset. Returns the async task when the server sends one (newest pages, docs/api/ambiguities.md#a10), else null. */
  async resetInstances(instanceIds: string[]): Promise<AsyncTask | null> {
    const { data } = await this.api.call(resetInstancesOp, { body: { instance_ids: instanceIds } });
    return data.data;
  }

  async getDeviceToken(instanceId: string): Promise<DeviceToken> {
    const { data } = await this.api.call(getDeviceTokenOp, { params: { instance_id: instanceId } });
    return data.data;
  }

  async syncCommand(command: string, instanceIds: string[]): Promise<CmdResult[]> {
    const { data } = await this.api.call(syncCommandOp, { body: { command, instance_ids: instanceIds } });
    return data.data.cmd_results;
  }

  async asyncCommand(command: string, instanceIds: string[]): Promise<AsyncTask> {
    const { data } = await this.api.call(asyncCommandOp, { body: { command, instance_ids: instanceIds } });
    return data.data;
  }

  async getTask(taskId: string): Promise<TaskJob[]> {
    const { data } = await this.api.call(getTaskOp, { params: { task_id: taskId } });
    return data.data.jobs;
  }

  async prepareInstances(userId: string, instanceIds: string[]): Promise<PreparedInstance[]> {
    const { data } = await this.api.call(prepareInstancesOp, { body: { user_id: userId, instance_ids: instanceIds } });
    return data.data.status_list;
  }

  async getPrepareProgress(userId: string, instanceId: string): Promise<PrepareProgress> {
    const { data } = await this.api.call(getPrepareProgressOp, { body: { user_id: userId, instance_id: instanceId } });
    return data.data;
  }

  async backupInstances(instanceIds: string[]): Promise<AsyncTask | null> {
    const { data } = await this.api.call(backupInstancesOp, { body: { instance_ids: instanceIds } });
    return data.data;
  }

  /**
   * Starts an APK install; poll getTask(task_id) and read each job with jobState() (install jobs fail with 3).
   * Not retried once sent. Either answer shape (task in `data` or in `data.data`) is accepted.
   */
  async installApp(req: AppInstallRequest): Promise<AsyncTask> {
    const { data } = await this.api.call(installAppOp, { body: req });
    return data.data;
  }

  /** One page of a phone's installed apps (SDK app-list): reads packages without an ADB command. */
  async listInstanceApps(instanceId: string, q: AppListQuery): Promise<AppPage> {
    const { data } = await this.api.call(listInstanceAppsOp, {
      params: { instance_id: instanceId },
      query: { page_no: q.pageNo, page_size: q.pageSize, app_type: q.appType },
    });
    return { result: data.data.result, totalCount: data.data.total_count };
  }

  /** Ends the user's session on a phone (SDK StopInstancesSession). */
  async releaseSession(instanceId: string): Promise<void> {
    await this.api.call(releaseSessionOp, { body: { instance_id: instanceId } });
  }

  /** Stops a phone's stream (SDK StopInstancesStreaming). */
  async stopStreaming(instanceId: string): Promise<void> {
    await this.api.call(stopStreamingOp, { body: { instance_id: instanceId } });
  }

  /** IAM projects visible to the credentials (GET /v3/auth/projects on the IAM endpoint). */
  async listProjects(): Promise<IamProject[]> {
    const { data } = await this.iamApi.call(listProjectsOp);
    return data.projects;
  }

  async close(): Promise<void> {
    await Promise.all([this.api.close(), this.iamApi.close(), this.billingApi.close(), this.iam?.close()]);
  }
}

/** A project id known up front, or looked up once (concurrent first calls share the lookup; a failure is retried). */
function projectIdSource(
  known: string | undefined,
  lookup: (() => Promise<string>) | undefined,
): (() => Promise<string | undefined>) | undefined {
  if (known !== undefined) return async () => known;
  if (!lookup) return undefined;
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= lookup().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

/** IAM GET /v3/projects?name=<region>: the id of the one project of that name, as the official SDK finds it. */
async function findProjectId(iam: Transport, name: string): Promise<string> {
  const { data } = await iam.call(lookupProjectsOp, { query: { name } });
  if (data.projects.length !== 1) {
    throw new InvalidArgumentError({
      status: 0,
      code: 'CLIENT.PROJECT_NOT_FOUND',
      apiMessage: '',
      requestId: '',
      endpoint: lookupProjectsOp.name,
      field: 'projectName',
      explanation: `IAM knows ${data.projects.length} projects named "${name}"; set the project id instead.`,
    });
  }
  return data.projects[0].id;
}
