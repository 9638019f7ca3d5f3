/**
 * Request-rate benchmark of the emulator's read path. Starts the emulator in-process (in-memory), seeds phones,
 * then fires a fixed number of batch-query / batch-query-status requests at 127.0.0.1 with bounded concurrency
 * and prints requests per second.
 *
 *   npm run build && node dist/emulator/bench/request-rate.js [--requests 20000] [--concurrency 32] [--phones 300]
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { startEmulator } from '../index';

interface BenchOptions {
  requests: number;
  concurrency: number;
  phones: number;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { requests: 20000, concurrency: 32, phones: 300 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof BenchOptions;
    const value = Number(argv[i + 1]);
    if (!(key in opts) || !Number.isInteger(value) || value < 1)
      throw new Error(`bad argument ${argv[i]} ${argv[i + 1]}`);
    opts[key] = value;
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({ dataDir: null });
  const pool = new Pool(emulator.url, { connections: opts.concurrency, pipelining: 1 });
  try {
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await pool.request({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Record<string, unknown> };
    };
    const seeded = await post('/_emulator/seed', {
      instances: Array.from({ length: opts.phones }, (_, i) => ({
        instanceName: `bench-${String(i + 1).padStart(5, '0')}`,
      })),
    });
    const ids = (seeded.body.instances as { instanceId: string }[]).map((i) => i.instanceId).slice(0, 100);
    const auth = await post('/v3/auth/tokens', {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', password: 'demo-password', domain: { name: 'demo' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
    const token = auth.headers['x-subject-token'] as string;
    const statusBody = JSON.stringify({ instance_ids: ids });

    let next = 0;
    let failures = 0;
    const worker = async (): Promise<void> => {
      while (next < opts.requests) {
        const n = next++;
        const headers = { 'x-auth-token': token, 'x-request-id': randomUUID(), 'content-type': 'application/json' };
        const res =
          n % 2 === 0
            ? await pool.request({
                method: 'GET',
                path: `/v1/instances/batch-query?page_no=${(n % 3) + 1}&page_size=100`,
                headers,
              })
            : await pool.request({
                method: 'POST',
                path: '/v1/instances/batch-query-status',
                headers,
                body: statusBody,
              });
        const body = (await res.body.json()) as { error_code?: string };
        if (res.statusCode !== 200 || body.error_code !== '0') failures++;
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = opts.requests / seconds;
    process.stdout.write(
      `${opts.requests} requests (batch-query page_size=100 / batch-query-status 100 ids, ${opts.phones} phones), ` +
        `concurrency ${opts.concurrency}: ${seconds.toFixed(2)} s, ${rate.toFixed(0)} requests/s, ${failures} failures\n`,
    );
    if (failures > 0) process.exitCode = 1;
  } finally {
    await pool.close();
    await emulator.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
