import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';

import { pulumiOfflineScript } from './engine';

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunPulumiOptions {
  cwd: string;
  /** Complete environment for the CLI (the harness builds it; see pulumi-project.ts). */
  env: NodeJS.ProcessEnv;
  /** Written to the CLI's stdin, e.g. a config value, so that secrets never appear in argv. */
  stdin?: string;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /**
   * When this settles, SIGKILL the CLI and every process it started (language host, program, providers), as a
   * cancelled CI job would: no graceful shutdown, no chance to save state.
   */
  killWhen?: Promise<unknown>;
  /**
   * When this settles, SIGKILL the `pulumi` process alone, as `kill -9 <pid of pulumi>` would: the language host,
   * the program and the plugins it started are left to notice on their own (see processesOfRun).
   */
  killEngineWhen?: Promise<unknown>;
  /** Put into the CLI's environment, so that every process of this run can be found by it (processesOfRun). */
  runId?: string;
}

/** A pulumi command that failed unexpectedly; the message carries the whole output. */
export class PulumiCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: PulumiResult,
    cwd: string,
  ) {
    super(
      `pulumi ${args.join(' ')} exited with code ${result.code} (cwd ${cwd})\n` +
        `--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
    this.name = 'PulumiCommandError';
  }
}

/** Runs `scripts/pulumi-offline <args>` and collects its output. */
export function runPulumi(args: readonly string[], opts: RunPulumiOptions): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(pulumiOfflineScript, [...args], {
      cwd: opts.cwd,
      env: opts.runId ? { ...opts.env, [RUN_ID_VARIABLE]: opts.runId } : opts.env,
      stdio: 'pipe',
      // Its own process group, so that killWhen reaches the whole tree.
      detached: opts.killWhen !== undefined,
    });
    let exited = false;
    const killTree = () => {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      // Plugins run in process groups of their own; a killed engine leaves them behind, so end those too.
      killProcessesMentioning(opts.cwd);
    };
    opts.killWhen?.then(killTree, killTree);
    // scripts/pulumi-offline execs pulumi, so the child is the engine itself.
    const killEngine = () => {
      if (!exited && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    };
    opts.killEngineWhen?.then(killEngine, killEngine);
    const started = Date.now();
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', reject);
    child.on('exit', () => {
      exited = true;
    });
    child.on('close', (code, signal) => {
      recordTiming(args, Date.now() - started);
      const result: PulumiResult = {
        code: code ?? 128,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (signal ? `\n(killed by ${signal})` : ''),
      };
      if (result.code !== 0 && !opts.allowFailure) {
        reject(new PulumiCommandError(args, result, opts.cwd));
      } else {
        resolve(result);
      }
    });
    // Closed at once when there is no input: a CLI waiting for stdin must see EOF, not hang.
    child.stdin.end(opts.stdin ?? '');
  });
}

/**
 * E2E_PULUMI_TIMES=<file> appends one line per `pulumi` run (milliseconds, test file, arguments), to see where the
 * e2e suite's time goes: `sort -n <file> | tail`, or sum by command.
 */
function recordTiming(args: readonly string[], ms: number): void {
  const file = process.env.E2E_PULUMI_TIMES;
  if (!file) return;
  const test = typeof expect === 'undefined' ? '' : (expect.getState().testPath ?? '').split('/').pop();
  appendFileSync(file, `${ms}\t${test}\t${args.join(' ')}\n`);
}

/** The environment variable that tags every process of one `pulumi` run (RunPulumiOptions.runId). */
const RUN_ID_VARIABLE = 'KOOPHONE_E2E_RUN_ID';

/**
 * The one walk over Linux /proc: `visit` sees every other process's pid and a reader of its /proc files. A process
 * that exits meanwhile, or is not ours to read (or to signal), is passed over.
 */
function forEachOtherProcess(visit: (pid: number, read: (file: 'environ' | 'cmdline') => string) => void): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      visit(Number(entry), (file) => readFileSync(`/proc/${entry}/${file}`, 'utf8'));
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
}

/** The pids and command lines of the processes whose environment carries `runId` (Linux /proc). */
export function processesOfRun(runId: string): Array<{ pid: number; command: string }> {
  const tag = `${RUN_ID_VARIABLE}=${runId}`;
  const found: Array<{ pid: number; command: string }> = [];
  forEachOtherProcess((pid, read) => {
    if (read('environ').split('\0').includes(tag))
      found.push({ pid, command: read('cmdline').split('\0').join(' ').trim() });
  });
  return found;
}

/** SIGKILLs every process whose command line mentions `text` (Linux /proc), e.g. plugins of a killed engine. */
function killProcessesMentioning(text: string): void {
  forEachOtherProcess((pid, read) => {
    if (read('cmdline').includes(text)) process.kill(pid, 'SIGKILL');
  });
}
