import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../../../emulator';
import { DEMO_CREDENTIALS } from '../../../../emulator/testing/emulator-harness';
import { resetRuntime } from '../runtime';

/** An in-process emulator with the provider runtime configured for its demo tenant, and its control plane. */
export interface EmulatorRuntime {
  emulator: RunningEmulator;
  /** A call to the control plane, e.g. `control('POST', '/seed', {...})` for `/_emulator/seed`. */
  control<T>(method: string, route: string, body?: unknown): Promise<T>;
  counters(): Promise<Record<string, number>>;
  resetCounters(): Promise<void>;
  /** Resets the runtime and stops the emulator. */
  close(): Promise<void>;
}

/**
 * Points the provider runtime at an emulator's demo tenant (password auth; the region is its IAM project), with any
 * `extra` `koophone:*` keys (e.g. budgets) beside them.
 */
export function configureRuntimeFor(emulatorUrl: string, extra: Record<string, string> = {}): void {
  const { domainName, userName, password, projectName: region } = DEMO_CREDENTIALS;
  const config: Record<string, string> = {
    endpoint: emulatorUrl,
    iamEndpoint: emulatorUrl,
    domainName,
    userName,
    password,
    region,
    ...extra,
  };
  resetRuntime((key) => config[key.replace(/^koophone:/, '')]);
}

export async function startEmulatorRuntime(options: StartEmulatorOptions = {}): Promise<EmulatorRuntime> {
  const emulator = await startEmulator(options);
  configureRuntimeFor(emulator.url);
  const control = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${emulator.url}/_emulator${route}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    emulator,
    control,
    counters: async () => (await control<{ counters: Record<string, number> }>('GET', '/counters')).counters,
    resetCounters: async () => void (await control('DELETE', '/counters')),
    close: async () => {
      resetRuntime();
      await emulator.close();
    },
  };
}
