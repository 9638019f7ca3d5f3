import { buildServer } from './server';

export { DEMO_TENANT, DEMO_USERS } from './model/tenants';

export interface StartEmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Directory of the JSON state file; null or omitted: in-memory. */
  dataDir?: string | null;
  /** Seconds a new / rebooted / reset phone stays starting (4) before running (2). Default 3. */
  provisionSeconds?: number;
  /** Seconds a deleted phone stays going offline (3) before it is gone. Default 1. */
  releaseSeconds?: number;
  /** Seconds until async jobs (commands, app installs, reset, unassign, backup) and prepare phases finish. Default 2. */
  taskSeconds?: number;
  /** fastify request logging (secrets redacted). Default false. */
  logger?: boolean;
}

export interface RunningEmulator {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Starts the KooPhone + IAM emulator (emulator/README.md). */
export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const settings: Record<string, number> = {};
  if (opts.provisionSeconds !== undefined) settings.provisionSeconds = opts.provisionSeconds;
  if (opts.releaseSeconds !== undefined) settings.releaseSeconds = opts.releaseSeconds;
  if (opts.taskSeconds !== undefined) settings.taskSeconds = opts.taskSeconds;
  const { app } = buildServer({ dataDir: opts.dataDir ?? null, settings, logger: opts.logger ?? false });
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () => app.close(),
  };
}
