import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { createPulumiProject, managedResources, repoRoot, type PulumiProject, type StackExport } from '../harness';

/** A phone as the emulator's control plane reports it (internal record). */
export interface EmulatorPhone {
  instanceId: string;
  instanceName: string;
  billingMode: string;
  runningStatus: number;
  assignUser: string | null;
  instanceSkuId: string;
  tenant: string | null;
}

/** The emulator's control plane, over real HTTP. */
export class EmulatorControl {
  constructor(readonly url: string) {}

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} -> ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
  async phones(): Promise<EmulatorPhone[]> {
    return (await this.call<{ instances: EmulatorPhone[] }>('GET', '/_emulator/instances')).instances;
  }
  /** The phones bought through the API (billing mode "1"): the ones that cost money per subscription. */
  async yearlyMonthlyPhones(): Promise<EmulatorPhone[]> {
    return (await this.phones()).filter((p) => p.billingMode === '1');
  }
  async counters(): Promise<Record<string, number>> {
    return (await this.call<{ counters: Record<string, number> }>('GET', '/_emulator/counters')).counters;
  }
  async resetCounters(): Promise<void> {
    await this.call('DELETE', '/_emulator/counters');
  }
  async mutate(instanceId: string, body: Record<string, unknown>): Promise<void> {
    await this.call('POST', `/_emulator/instances/${instanceId}/mutate`, body);
  }
  async injectFault(fault: Record<string, unknown>): Promise<void> {
    await this.call('POST', '/_emulator/faults', fault);
  }
  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/_emulator/faults');
  }
}

/** Sum of all KooPhone/IAM requests the emulator counted. */
export const totalCalls = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

export interface KooPhoneStack {
  emulator: RunningEmulator;
  control: EmulatorControl;
  project: PulumiProject;
  /** Sets the program's config (`phones`, `assignments`, `video`) as JSON. */
  declare(config: {
    phones?: unknown[];
    groups?: unknown[];
    assignments?: unknown[];
    video?: unknown[];
    videoIdsAsOutputs?: boolean;
  }): Promise<void>;
  /** The program's `phoneIds` output: resource name → instance id. */
  phoneIds(): Promise<Record<string, string>>;
  exportStack(): Promise<StackExport>;
  dispose(): Promise<void>;
}

/**
 * The config-driven test program (fixtures/koophone-program) in its own project with this repository's built
 * package installed as a real copy, a stack configured for the demo tenant of a fresh in-process emulator.
 */
export async function createKooPhoneStack(
  opts: { provisionSeconds?: number; env?: NodeJS.ProcessEnv; template?: string; program?: string } = {},
): Promise<KooPhoneStack> {
  const emulator = await startEmulator({ provisionSeconds: opts.provisionSeconds ?? 2, releaseSeconds: 1 });
  const project = await createPulumiProject({
    // `template`: a program directory; `program`: another fixture under test/e2e/fixtures (default: the
    // config-driven koophone-program).
    template: opts.template ?? path.join(__dirname, '..', 'fixtures', opts.program ?? 'koophone-program'),
    packages: { 'pulumi-koophone': { dir: repoRoot, include: ['package.json', 'dist'] } },
    transpile: true,
    env: { PULUMI_CONFIG_PASSPHRASE: 'e2e-passphrase', KOOPHONE_POLL_INTERVAL_MS: '250', ...opts.env },
  });
  await project.initStack('e2e');
  await project.setPlainConfig({
    'koophone:endpoint': emulator.url,
    'koophone:iamEndpoint': emulator.url,
    'koophone:region': 'cn-north-4',
    'koophone:domainName': 'demo',
    'koophone:userName': 'demo',
  });
  await project.setConfig('koophone:password', 'demo-password', { secret: true });
  return {
    emulator,
    control: new EmulatorControl(emulator.url),
    project,
    async declare(config) {
      const values = Object.entries(config).filter(([, value]) => value !== undefined);
      await project.setPlainConfig(Object.fromEntries(values.map(([key, value]) => [key, JSON.stringify(value)])));
    },
    async phoneIds() {
      return (await project.outputs()).phoneIds as Record<string, string>;
    },
    exportStack: () => project.exportStack(),
    async dispose() {
      await project.dispose();
      await emulator.close();
    },
  };
}

export { managedResources };
