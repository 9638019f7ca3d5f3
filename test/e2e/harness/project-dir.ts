import { promises as fs } from 'node:fs';
import * as path from 'node:path';

import * as ts from 'typescript';

import { repoRoot } from './engine';

/**
 * A package to install as a real copy into the project's node_modules: a directory, or a directory
 * plus the top-level entries to copy from it (e.g. `{ dir: repoRoot, include: ['package.json', 'dist'] }`
 * to install this repository's built package without its sources).
 */
export type PackageSource = string | { dir: string; include: readonly string[] };

export interface ProjectDirOptions {
  /** Directory with Pulumi.yaml, the program and package.json; copied without its node_modules. */
  template: string;
  /** Where to create the project. */
  dir: string;
  /** Packages copied into node_modules by name (e.g. a package defining dynamic providers). */
  packages?: Readonly<Record<string, PackageSource>>;
  /** Extra or replacement files, path relative to the project -> content. */
  files?: Readonly<Record<string, string>>;
  /**
   * Runs the program as JavaScript: index.ts is transpiled here once (TypeScript's transpileModule, what ts-node's
   * transpile-only mode does on every run) and Pulumi.yaml gets `main: index.js` and `typescript: false`, so no run
   * registers ts-node (@pulumi/pulumi still loads TypeScript itself). `npm run typecheck` type-checks the fixture programs.
   */
  transpile?: boolean;
}

/**
 * Creates a project directory whose node_modules holds a symlink to every top-level entry of the
 * repo's node_modules (so @pulumi/pulumi, typescript, ... are the repo's single installed copies),
 * and a real copy of each package in `packages`.
 *
 * Why copies: Pulumi serializes a dynamic provider as `require("<module>")` only when the module
 * file's real path runs through a node_modules directory; a symlink resolves to its source
 * directory and would make Pulumi copy the provider's code into the state instead. The copies get
 * no node_modules of their own, so they resolve @pulumi/pulumi through the project's symlinks to
 * the same copy the program uses.
 */
export async function createProjectDir(opts: ProjectDirOptions): Promise<void> {
  await fs.cp(opts.template, opts.dir, { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' });
  const modules = path.join(opts.dir, 'node_modules');
  await fs.mkdir(modules, { recursive: true });

  const packages = opts.packages ?? {};
  await linkRepoModules(path.join(repoRoot, 'node_modules'), modules, Object.keys(packages));
  for (const [name, source] of Object.entries(packages)) {
    await copyPackage(source, path.join(modules, ...name.split('/')));
  }
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    const file = path.join(opts.dir, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  if (opts.transpile) await transpileProgram(opts.dir);
}

async function transpileProgram(dir: string): Promise<void> {
  const source = await fs.readFile(path.join(dir, 'index.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
    fileName: 'index.ts',
  });
  await fs.writeFile(path.join(dir, 'index.js'), outputText);
  const manifest = path.join(dir, 'Pulumi.yaml');
  const yaml = await fs.readFile(manifest, 'utf8');
  if (!/^runtime: nodejs$/m.test(yaml)) throw new Error(`${manifest}: expected a line \`runtime: nodejs\` to rewrite`);
  await fs.writeFile(
    manifest,
    yaml.replace(/^runtime: nodejs$/m, 'runtime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js'),
  );
}

/**
 * Symlinks each entry of `from` into `to`, except the packages that will be copied. A scope
 * directory (`@x`) that contains a copied package is created for real and its other members linked.
 */
async function linkRepoModules(from: string, to: string, copied: readonly string[]): Promise<void> {
  const entries = await fs.readdir(from).catch(() => {
    throw new Error(`${from} does not exist; run npm install in the repository first`);
  });
  for (const entry of entries) {
    if (entry === '.package-lock.json' || copied.includes(entry)) {
      continue;
    }
    const copiedInScope = copied.filter((name) => name.startsWith(`${entry}/`));
    if (copiedInScope.length > 0) {
      await fs.mkdir(path.join(to, entry));
      await linkRepoModules(
        path.join(from, entry),
        path.join(to, entry),
        copiedInScope.map((n) => n.slice(entry.length + 1)),
      );
    } else {
      await fs.symlink(path.join(from, entry), path.join(to, entry));
    }
  }
}

async function copyPackage(source: PackageSource, dest: string): Promise<void> {
  const dir = typeof source === 'string' ? source : source.dir;
  const entries = typeof source === 'string' ? await fs.readdir(dir) : source.include;
  await fs.mkdir(dest, { recursive: true });
  for (const entry of entries) {
    if (entry === 'node_modules') {
      continue;
    }
    await fs.cp(path.join(dir, entry), path.join(dest, entry), {
      recursive: true,
      dereference: true,
      filter: (src) => path.basename(src) !== 'node_modules',
    });
  }
}
