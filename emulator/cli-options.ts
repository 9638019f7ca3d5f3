import type { StartEmulatorOptions } from './index';

export const CLI_USAGE = `Usage: koophone-emulator [--port N] [--host H] [--data-dir DIR | --in-memory]
                         [--provision-seconds S] [--release-seconds S] [--log]`;

export const DEFAULT_DATA_DIR = '.koophone-emulator/';

function numberFlag(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`${name} needs a non-negative number`);
  }
  return n;
}

/** Parses the CLI flags of emulator/README.md (plus --in-memory and --log). Throws with a message on bad input. */
export function parseCliArgs(argv: readonly string[]): StartEmulatorOptions {
  const opts: StartEmulatorOptions = { host: '127.0.0.1', port: 0, dataDir: DEFAULT_DATA_DIR };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--port': {
        const port = numberFlag(name, value());
        if (!Number.isInteger(port) || port > 65535) throw new Error('--port needs an integer 0-65535');
        opts.port = port;
        break;
      }
      case '--host': {
        const host = value();
        if (!host) throw new Error('--host needs a value');
        opts.host = host;
        break;
      }
      case '--data-dir': {
        const dir = value();
        if (!dir) throw new Error('--data-dir needs a directory');
        opts.dataDir = dir;
        break;
      }
      case '--in-memory':
        opts.dataDir = null;
        break;
      case '--provision-seconds':
        opts.provisionSeconds = numberFlag(name, value());
        break;
      case '--release-seconds':
        opts.releaseSeconds = numberFlag(name, value());
        break;
      case '--log':
        opts.logger = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

export function listeningLine(url: string): string {
  return `KooPhone emulator listening on ${url}`;
}
