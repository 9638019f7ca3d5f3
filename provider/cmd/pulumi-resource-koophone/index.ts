#!/usr/bin/env node
/**
 * pulumi-resource-koophone: the native provider plugin. The engine starts it with its own address as the first
 * argument and reads the port from the first line of output (provider/native/server.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exitWhenEngineGone } from '../../common/engine-watch';
import { serve } from '../../native/server';

function packageVersion(): string {
  for (const dir of [path.resolve(__dirname, '..', '..', '..', '..'), path.resolve(__dirname, '..', '..', '..')]) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

async function main(): Promise<void> {
  const engineAddress = process.argv.slice(2).find((a) => !a.startsWith('-'));
  await serve(packageVersion(), engineAddress);
  if (engineAddress) exitWhenEngineGone(engineAddress);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `pulumi-resource-koophone: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
