import type { AsyncTask, UserInstance } from '../schemas/wire/common';
import type { AppInstallRequest } from '../schemas/wire/apps';
import type { CmdResult, TaskJob } from '../schemas/wire/commands';
import type { IamProject } from '../schemas/wire/iam';
import type { CreatedInstance, CreateInstancesRequest, InstanceRecord, InstanceStatus } from '../schemas/wire/instances';
import type { SkuCatalogue } from '../schemas/wire/skus';
import type { DeviceToken, PreparedInstance, PrepareProgress } from '../schemas/wire/streaming';
import type { VideoSettingRequest } from '../schemas/wire/video';
import { installAppOp } from './apps';
import { assignInstancesOp, unassignInstancesOp } from './assignments';
import { akskAuthenticator, anonymousAuthenticator, passwordAuthenticator, staticTokenAuthenticator } from './authenticators';
import { listProjectsOp } from './iam';
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
import { backupInstancesOp, getDeviceTokenOp, getPrepareProgressOp, prepareInstancesOp } from './streaming';
import { asyncCommandOp, getTaskOp, syncCommandOp } from './tasks';
import { describeKey } from '../config';
import { Transport, type Authenticator, type EndpointSetting, type TransportHooks } from './transport';
import { setVideoConfigOp } from './video';

export * from './errors';
export type { AsyncTask, CmdJob, UserInstance } from '../schemas/wire/common';
export type { AppInstallRequest } from '../schemas/wire/apps';
export type { CmdResult, TaskJob } from '../schemas/wire/commands';
export type { IamProject } from '../schemas/wire/iam';
export type { ChargeParam, CreatedInstance, CreateInstancesRequest, InstanceRecord, InstanceStatus } from '../schemas/wire/instances';
export type { InstanceSku, RegionSkus, SkuCatalogue, SkuPool } from '../schemas/wire/skus';
export type { DeviceToken, PreparedInstance, PrepareProgress } from '../schemas/wire/streaming';
export type { InstanceSetting, VideoSettingRequest, VideoSpec, VideoSpecGroup } from '../schemas/wire/video';
export type { TransportHooks } from './transport';

export type AuthConfig =
  | { kind: 'password'; domainName: string; userName: string; password: string; projectName?: string; projectId?: string }
  | { kind: 'aksk'; accessKey: string; secretKey: string; securityToken?: string }
  | { kind: 'token'; token: string };

export interface KooPhoneClientOptions {
  /** e.g. `https://koophone.myhuaweicloud.com` (no trailing slash needed). */
  endpoint: string;
  /** IAM origin for password tokens; defaults to `endpoint` (the emulator serves both). */
  iamEndpoint?: string;
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
}

/** Where a user sets each endpoint: network errors name the setting to fix, not only a URL. */
const API_ENDPOINT: EndpointSetting = { service: 'the KooPhone API', setting: describeKey('endpoint') };
const IAM_ENDPOINT: EndpointSetting = {
  service: 'IAM',
  setting: `${describeKey('iamEndpoint')}, by default https://iam.{region}.myhuaweicloud.com from ${describeKey('region')},`,
};

const DEFAULTS = { timeoutMs: 60_000, maxRetries: 3, concurrency: 8, retryBaseMs: 500, maxRetryDelayMs: 8_000 };
/** The server caps page_size at 100 (§7.3). */
const PAGE_SIZE = 100;

export class KooPhoneClient {
  private readonly api: Transport;
  /** Authenticated calls to IAM (projects). */
  private readonly iamApi: Transport;
  /** Unauthenticated IAM transport for the password-token request. */
  private readonly iam: Transport | undefined;

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
      this.iam = new Transport({ ...common, endpoint: opts.iamEndpoint ?? opts.endpoint, endpointSetting: iamSetting, auth: anonymousAuthenticator });
      auth = passwordAuthenticator(new IamTokenProvider(this.iam, a, redactor));
    } else if (a.kind === 'aksk') {
      redactor.add(a.secretKey);
      redactor.add(a.securityToken);
      auth = akskAuthenticator(a);
    } else {
      redactor.add(a.token);
      auth = staticTokenAuthenticator(a.token);
    }
    this.api = new Transport({ ...common, endpoint: opts.endpoint, endpointSetting: API_ENDPOINT, auth });
    this.iamApi = new Transport({ ...common, endpoint: opts.iamEndpoint ?? opts.endpoint, endpointSetting: iamSetting, auth });
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
      const page = await this.listInstances({ pageNo, pageSize: PAGE_SIZE, ...filter });
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

  /** Factory reset. Returns the async task when the server sends one (P-new), else null. */
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

  /** Starts an APK install; poll getTask(task_id). Not retried once sent. */
  async installApp(req: AppInstallRequest): Promise<AsyncTask> {
    const { data } = await this.api.call(installAppOp, { body: req });
    return data.data.data;
  }

  /** IAM projects visible to the credentials (GET /v3/auth/projects on the IAM endpoint). */
  async listProjects(): Promise<IamProject[]> {
    const { data } = await this.iamApi.call(listProjectsOp);
    return data.projects;
  }

  async close(): Promise<void> {
    await Promise.all([this.api.close(), this.iamApi.close(), this.iam?.close()]);
  }
}
