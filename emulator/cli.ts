#!/usr/bin/env node
import { CLI_USAGE, listeningLine, parseCliArgs } from './cli-options';
import { startEmulator, type StartEmulatorOptions } from './index';

/** `koophone-emulator`: starts the emulator and prints exactly one line with its URL. */
async function main(): Promise<void> {
  let opts: StartEmulatorOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${CLI_USAGE}\n`);
    process.exit(2);
  }
  const emulator = await startEmulator(opts);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers before the line: whoever reads it may stop the emulator at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${listeningLine(emulator.url)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`koophone-emulator failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
