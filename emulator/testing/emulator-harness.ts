import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../index';

/** What a test sees of one HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into literal JSON
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** X-Auth-Token; omitted when null. Defaults to the demo token for /v1 calls. */
  token?: string | null;
  /** Adds a fresh x-request-id header (default true for /v1 calls). */
  requestId?: boolean;
}

export const DEMO_CREDENTIALS = {
  domainName: 'demo',
  userName: 'demo',
  password: 'demo-password',
  projectName: 'cn-north-4',
} as const;

/** A valid create body for the demo tenant (add `instanceNamePrefix` and `count`): one month, paid at once. */
export const DEMO_CREATE_BODY = {
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSkuId: 'kp.bandwidth',
  regionId: 'cn-north-4',
  bandSize: 4,
  network: 'EIP',
  chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1, isAutoRenew: 1 },
} as const;

/**
 * Lifecycle delay the harness configures (provision, release, tasks): long enough that no test depends on how
 * fast it runs; tests move the virtual clock by this much to see transitions complete.
 */
export const STEP_SECONDS = 60;

/** Starts an in-memory emulator on 127.0.0.1:0 and speaks HTTP to it (for tests and the benchmark). */
export class EmulatorHarness {
  private demoToken: string | undefined;

  private constructor(readonly emulator: RunningEmulator) {}

  static async start(opts: StartEmulatorOptions = {}): Promise<EmulatorHarness> {
    const step = { provisionSeconds: STEP_SECONDS, releaseSeconds: STEP_SECONDS, taskSeconds: STEP_SECONDS };
    return new EmulatorHarness(await startEmulator({ host: '127.0.0.1', port: 0, dataDir: null, ...step, ...opts }));
  }

  get url(): string {
    return this.emulator.url;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  async http(method: string, path: string, opts: CallOptions = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...opts.headers };
    let body: string | undefined = opts.rawBody;
    if (body === undefined && opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    if (opts.token) headers['x-auth-token'] = opts.token;
    if (opts.requestId) headers['x-request-id'] = randomUUID();
    const res = await request(`${this.url}${path}`, {
      method: method as 'GET',
      headers,
      body,
    });
    const text = await res.body.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep text
    }
    return { status: res.statusCode, headers: res.headers, json, text };
  }

  /** POST /v3/auth/tokens with password credentials; returns the X-Subject-Token. */
  async issueToken(
    creds: { domainName: string; userName: string; password: string; projectName: string } = DEMO_CREDENTIALS,
  ): Promise<string> {
    const res = await this.http('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: creds.userName, password: creds.password, domain: { name: creds.domainName } } },
          },
          scope: { project: { name: creds.projectName } },
        },
      },
    });
    if (res.status !== 201) throw new Error(`token request failed: ${res.status} ${res.text}`);
    return res.headers['x-subject-token'] as string;
  }

  async token(): Promise<string> {
    this.demoToken ??= await this.issueToken();
    return this.demoToken;
  }

  /** A KooPhone call as the demo tenant, with a fresh x-request-id unless told otherwise. */
  async api(method: string, path: string, opts: CallOptions = {}): Promise<HttpAnswer> {
    const token = opts.token === undefined ? await this.token() : opts.token;
    return this.http(method, path, { requestId: true, ...opts, token });
  }

  /** A control-plane call; throws unless it answered 2xx. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index freely into control-plane JSON
  async control(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.http(method, `/_emulator${path}`, { body });
    if (res.status >= 300) throw new Error(`control ${method} ${path} failed: ${res.status} ${res.text}`);
    return res.json;
  }

  /** Seeds demo-tenant instances (running, yearly/monthly unless given) and returns their ids in order. */
  async seedInstances(instances: Record<string, unknown>[]): Promise<string[]> {
    const res = await this.control('POST', '/seed', { instances });
    return (res.instances as { instanceId: string }[]).map((i) => i.instanceId);
  }

  advance(seconds: number): Promise<unknown> {
    return this.control('POST', '/clock', { advanceSeconds: seconds });
  }
}
