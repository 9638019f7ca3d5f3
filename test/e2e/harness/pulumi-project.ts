import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { requireEngine } from './engine';
import { createProjectDir, type ProjectDirOptions } from './project-dir';
import { runPulumi, type PulumiResult } from './run-pulumi';
import type { StackExport } from './stack-export';

export interface PulumiCallOptions {
  /** Added to (and overriding) the project's environment for this call only. */
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  allowFailure?: boolean;
  /** SIGKILL the whole CLI process tree when this settles (see run-pulumi.ts). */
  killWhen?: Promise<unknown>;
  /** SIGKILL the `pulumi` process alone when this settles (see run-pulumi.ts). */
  killEngineWhen?: Promise<unknown>;
  /** Tags every process of this run (see processesOfRun). */
  runId?: string;
}

export interface PulumiProject {
  /** The project directory (Pulumi.yaml, program, node_modules). */
  readonly dir: string;
  /** The environment every call gets: this test's own PULUMI_HOME and file:// backend. */
  readonly env: NodeJS.ProcessEnv;
  /** `scripts/pulumi-offline <args>` in the project directory; throws with the output on failure. */
  pulumi(args: readonly string[], opts?: PulumiCallOptions): Promise<PulumiResult>;
  initStack(name: string): Promise<void>;
  selectStack(name: string): Promise<void>;
  /** `config set [--secret] <key>`; the value goes through stdin so it never shows in argv or errors. */
  setConfig(key: string, value: string, opts?: { secret?: boolean }): Promise<void>;
  /** `config set-all --plaintext key=value ...`: many plain values in one run (secrets go through setConfig). */
  setPlainConfig(values: Readonly<Record<string, string>>): Promise<void>;
  /** `stack export` parsed; secrets stay encrypted. */
  exportStack(): Promise<StackExport>;
  /** `stack output --json`; secret outputs read "[secret]" unless showSecrets. */
  outputs(opts?: { showSecrets?: boolean }): Promise<Record<string, unknown>>;
  /** Replaces a file in the project (e.g. to change the program between updates). */
  writeFile(rel: string, content: string): Promise<void>;
  /** Removes the temp directory (kept when E2E_KEEP_WORK=1, to inspect a failure). */
  dispose(): Promise<void>;
}

export type CreatePulumiProjectOptions = Omit<ProjectDirOptions, 'dir'> & {
  /** Extra environment for every call (e.g. the emulator URL). */
  env?: NodeJS.ProcessEnv;
};

/**
 * Creates a Pulumi project in a fresh temp directory with its own PULUMI_HOME and DIY backend
 * (`<tmp>/home`, `<tmp>/state`), so tests share neither stacks nor selected-stack state. Fails
 * (never skips) when the engine has not been built.
 */
export async function createPulumiProject(opts: CreatePulumiProjectOptions): Promise<PulumiProject> {
  requireEngine();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'koophone-e2e-'));
  const dir = path.join(root, 'project');
  const state = path.join(root, 'state');
  await fs.mkdir(state);
  await createProjectDir({ ...opts, dir });

  const env: NodeJS.ProcessEnv = {
    ...inheritedEnvironment(),
    // ts-node without its type check: `npm run typecheck` checks every fixture program once
    // (test/e2e/fixtures/tsconfig.json), and checking it again costs 4-5 s of every `pulumi` run.
    PULUMI_NODEJS_TRANSPILE_ONLY: 'true',
    ...opts.env,
    PULUMI_HOME: path.join(root, 'home'),
    PULUMI_BACKEND_URL: `file://${state}`,
  };
  const pulumi = (args: readonly string[], call: PulumiCallOptions = {}): Promise<PulumiResult> =>
    runPulumi(args, {
      cwd: dir,
      env: { ...env, ...call.env },
      stdin: call.stdin,
      allowFailure: call.allowFailure,
      killWhen: call.killWhen,
      killEngineWhen: call.killEngineWhen,
      runId: call.runId,
    });

  return {
    dir,
    env,
    pulumi,
    async initStack(name) {
      await pulumi(['stack', 'init', name]);
    },
    async selectStack(name) {
      await pulumi(['stack', 'select', name]);
    },
    async setConfig(key, value, { secret = false } = {}) {
      await pulumi(['config', 'set', ...(secret ? ['--secret'] : []), key], { stdin: value });
    },
    async setPlainConfig(values) {
      const pairs = Object.entries(values).flatMap(([key, value]) => ['--plaintext', `${key}=${value}`]);
      if (pairs.length > 0) await pulumi(['config', 'set-all', ...pairs]);
    },
    async exportStack() {
      return JSON.parse((await pulumi(['stack', 'export'])).stdout) as StackExport;
    },
    async outputs({ showSecrets = false } = {}) {
      const args = ['stack', 'output', '--json', ...(showSecrets ? ['--show-secrets'] : [])];
      return JSON.parse((await pulumi(args)).stdout) as Record<string, unknown>;
    },
    async writeFile(rel, content) {
      await fs.writeFile(path.join(dir, rel), content);
    },
    async dispose() {
      if (process.env.E2E_KEEP_WORK === '1') {
        process.stderr.write(`e2e: kept ${root}\n`);
        return;
      }
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * The test process's environment without PULUMI_* variables, so that a developer's own Pulumi
 * login, passphrase or backend can never leak into a test; scripts/pulumi-offline adds the
 * offline settings.
 */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PULUMI_')));
}
