import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is test/e2e/harness/engine.ts). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The only entry point tests use to run the engine: it holds every offline setting. */
export const pulumiOfflineScript = path.join(repoRoot, 'scripts', 'pulumi-offline');

/** What scripts/build-engine.sh (make tools) puts into .tools/bin. */
const engineFiles = ['pulumi', 'pulumi-language-nodejs', 'pulumi-resource-pulumi-nodejs'];

/**
 * Throws when the project-local engine has not been built. End-to-end tests must fail, not skip,
 * without it: a skipped e2e suite looks green in CI while proving nothing.
 */
export function requireEngine(): void {
  const bin = path.join(repoRoot, '.tools', 'bin');
  const missing = engineFiles.filter((name) => {
    try {
      accessSync(path.join(bin, name), constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(
      `The Pulumi engine is not built: missing ${missing.map((m) => `.tools/bin/${m}`).join(', ')}. ` +
        'Run `make tools` (scripts/build-engine.sh) first.',
    );
  }
}
