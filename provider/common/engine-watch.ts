import { connect } from 'node:net';

export interface EngineWatchOptions {
  /** How often the engine is asked; two refused connections in a row end the process. */
  intervalMs?: number;
  /** What "end the process" means (tests pass a recorder). */
  exit?: () => void;
}

const watched = new Set<string>();

/**
 * Ends this plugin process once the engine at `address` (host:port, the plugin's engine argument) refuses
 * connections: a `pulumi` killed with SIGKILL (a cancelled CI job) never tells its plugins to stop, and the gRPC
 * server they run keeps Node alive forever. A refused TCP connection is the proof: a busy engine still accepts.
 * Checked every 2 s by default, so the process is gone within about 4 s. The timer never keeps Node alive by itself.
 * Idempotent per address.
 */
export function exitWhenEngineGone(address: string, opts: EngineWatchOptions = {}): () => void {
  if (watched.has(address)) return () => undefined;
  const match = /^(.*):(\d+)$/.exec(address);
  if (!match) return () => undefined;
  watched.add(address);
  const host = match[1] === '' ? '127.0.0.1' : match[1].replace(/^\[(.*)\]$/, '$1');
  const port = Number(match[2]);
  const exit =
    opts.exit ??
    (() => {
      process.stderr.write(`the Pulumi engine at ${address} is gone; this plugin process exits\n`);
      process.exit(1);
    });
  let refusedInARow = 0;
  let stopped = false;
  const probe = () => {
    const socket = connect({ host, port });
    socket.setTimeout(opts.intervalMs ?? 2000);
    const done = (refused: boolean) => {
      socket.destroy();
      refusedInARow = refused ? refusedInARow + 1 : 0;
      if (refusedInARow >= 2 && !stopped) {
        stopped = true;
        clearInterval(timer);
        exit();
      }
    };
    socket.once('connect', () => done(false));
    socket.once('timeout', () => done(false));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED'));
  };
  const timer = setInterval(probe, opts.intervalMs ?? 2000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    watched.delete(address);
  };
}
