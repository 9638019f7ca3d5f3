import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, type PulumiProject } from '../harness';

const run = promisify(execFile);

export async function packageVersion(): Promise<string> {
  return (JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the plugin tarball (scripts/build-plugin.sh, from dist/) into a temp directory; returns its path. */
export async function buildPluginTarball(): Promise<string> {
  const tarball = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'koophone-plugin-')), 'plugin.tar.gz');
  await run(path.join(repoRoot, 'scripts', 'build-plugin.sh'), [tarball], { cwd: repoRoot });
  return tarball;
}

/** `pulumi plugin install resource koophone <version> --file <tarball>` into the project's own PULUMI_HOME. */
export async function installPlugin(project: PulumiProject, tarball: string): Promise<void> {
  await project.pulumi(['plugin', 'install', 'resource', 'koophone', await packageVersion(), '--file', tarball]);
  await fs.rm(path.dirname(tarball), { recursive: true, force: true });
}
