/**
 * Generates schema.json (the Pulumi package schema), docs/*.md and the SDK's types (sdk/generated/types.ts) from
 * the zod schemas, and from provider/registry.ts the dynamic modules (provider/dynamic/) and the SDK's classes of the
 * resources that need no code of their own (sdk/generated/resources.ts).
 *   npx ts-node --transpile-only scripts/schema/generate.ts           write the files
 *   npx ts-node --transpile-only scripts/schema/generate.ts --check   exit 1 when a checked-in file is stale
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configurationPage, errorsPage, indexPage } from './docs/guide-pages';
import { functionPage, resourcePage } from './docs/reference-pages';
import { subscriptionsPage } from './docs/subscriptions-guide';
import { packageModels } from './package-models';
import { packageSchema } from './package-schema';
import { dynamicModuleFiles, sdkNativeResourcesFile, sdkResourcesFile } from './registry-files';
import { sdkTypesFile } from './sdk-types';
import { stableJson } from './stable-json';

export const REPO_ROOT = join(__dirname, '..', '..');

/** Every generated file: repository-relative path → content. */
export function generateArtifacts(root = REPO_ROOT): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    description: string;
    license: string;
  };
  const models = packageModels();
  const files = new Map<string, string>();
  files.set('schema.json', stableJson(packageSchema(models, pkg)));
  for (const r of models.resources) files.set(`docs/${r.entry.page}`, resourcePage(r));
  for (const f of models.functions) files.set(`docs/${f.entry.page}`, functionPage(f));
  files.set('docs/configuration.md', configurationPage(models.config));
  files.set('docs/errors.md', errorsPage());
  files.set('docs/subscriptions.md', subscriptionsPage());
  files.set('docs/README.md', indexPage(models));
  files.set('sdk/generated/types.ts', sdkTypesFile(models));
  files.set('sdk/generated/resources.ts', sdkResourcesFile(models));
  files.set('sdk/generated/native-resources.ts', sdkNativeResourcesFile());
  for (const [path, content] of dynamicModuleFiles()) files.set(path, content);
  return files;
}

/** Paths whose checked-in content differs from what the generator produces. */
export function staleFiles(root = REPO_ROOT): string[] {
  const stale: string[] = [];
  for (const [path, content] of generateArtifacts(root)) {
    let current: string | undefined;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== content) stale.push(path);
  }
  return stale;
}

function main(argv: string[]): number {
  if (argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length === 0) return 0;
    console.error(`stale generated files (run \`make schema\`): ${stale.join(', ')}`);
    return 1;
  }
  for (const [path, content] of generateArtifacts()) {
    mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
    writeFileSync(join(REPO_ROOT, path), content);
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
