#!/usr/bin/env node
/*
 * The published package, tested as a user gets it (`make package-test`, after `npm run build`):
 * `npm pack` into a temporary directory, unpack the tarball into a consumer's node_modules next to only the
 * dependencies package.json declares, then `require` every entry of package.json's `exports` (each module the
 * `./dist/*` pattern serves, too: the SDK's dynamic providers are stored in state as such `require()`s) and the
 * `bin`. Also checks that the tarball holds no tests, benchmarks or test helpers.
 */
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const failures = [];

function check(what, fn) {
  try {
    fn();
    console.log(`ok   ${what}`);
  } catch (err) {
    failures.push(what);
    console.log(
      `FAIL ${what}\n     ${String(err && err.message ? err.message : err)
        .split('\n')
        .join('\n     ')}`,
    );
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koophone-pack-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  )[0];
  const files = packed.files.map((f) => f.path);
  console.log(`packed ${packed.filename}: ${files.length} files, ${packed.size} bytes`);

  // A consumer project: the package unpacked into node_modules, beside links to its declared dependencies only.
  const consumer = path.join(work, 'consumer');
  const installed = path.join(consumer, 'node_modules', pkg.name);
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', installed, '--strip-components=1']);
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    const link = path.join(consumer, 'node_modules', dep);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(repo, 'node_modules', dep), link, 'dir');
  }

  // Runs `require(specifier)` in a fresh node inside the consumer, so resolution goes through `exports`.
  const requireIn = (specifier) =>
    execFileSync(
      process.execPath,
      ['-e', `const m = require(${JSON.stringify(specifier)}); if (m == null) throw new Error('empty module');`],
      {
        cwd: consumer,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );

  const dynamicModules = files
    .filter((f) => /^dist\/provider\/dynamic\/[^/]+\.js$/.test(f))
    .map((f) => f.replace(/^dist\//, '').replace(/\.js$/, ''));
  check('the ./dist/* pattern serves at least one dynamic provider', () => {
    if (dynamicModules.length === 0) throw new Error('no dist/provider/dynamic/*.js in the tarball');
  });

  for (const [key, target] of Object.entries(pkg.exports)) {
    if (!key.includes('*')) {
      const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
      check(`require('${specifier}')`, () => requireIn(specifier));
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const t of targets) {
        check(`export ${key} → ${t} is in the tarball`, () => {
          if (!files.includes(t.replace(/^\.\//, ''))) throw new Error(`${t} is missing`);
        });
      }
      continue;
    }
    // Pattern exports: every dynamic-provider module, with and without `.js` as the key allows.
    for (const mod of dynamicModules) {
      const specifier = `${pkg.name}/${key.slice(2).replace('*', mod)}`;
      check(`require('${specifier}')`, () => requireIn(specifier));
    }
  }

  check("the SDK's public names are there", () => {
    const out = execFileSync(
      process.execPath,
      ['-e', `console.log(Object.keys(require(${JSON.stringify(pkg.name)})).join(' '))`],
      {
        cwd: consumer,
        encoding: 'utf8',
      },
    );
    for (const name of ['Instance', 'InstanceGroup', 'UserAssignment', 'VideoSetting', 'getSkus', 'getInstances']) {
      if (!out.split(/\s+/).includes(name)) throw new Error(`${name} is not exported (got: ${out.trim()})`);
    }
  });

  for (const [name, file] of Object.entries(pkg.bin || {})) {
    check(`bin ${name} → ${file} is in the tarball`, () => {
      if (!files.includes(file)) throw new Error(`${file} is missing`);
    });
    // The bin starts (in memory, on a free port), prints its one line, and stops on SIGTERM.
    check(`bin ${name} starts and stops`, () =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(path.join(installed, file))}, '--port', '0', '--in-memory']);
           let out = ''; const t = setTimeout(() => { c.kill('SIGKILL'); console.error('no listening line within 60 s: ' + out); process.exit(1); }, 60000);
           c.stdout.on('data', (d) => { out += d; if (/listening on http:/.test(out)) c.kill('SIGTERM'); });
           c.stderr.on('data', (d) => { out += d; });
           c.on('exit', (code, signal) => {
             clearTimeout(t);
             if (/listening on http:/.test(out) && code === 0) process.exit(0);
             console.error('exit ' + code + (signal ? ' (' + signal + ')' : '') + ': ' + out);
             process.exit(1);
           });`,
        ],
        { cwd: consumer, stdio: ['ignore', 'inherit', 'inherit'], timeout: 90000 },
      ),
    );
  }

  check('no tests, benchmarks, test helpers or sources outside dist in the tarball', () => {
    const unwanted = files.filter(
      (f) =>
        /\.test\.(js|d\.ts)$/.test(f) ||
        f.startsWith('dist/emulator/bench/') ||
        /\/testing\//.test(f) ||
        f.startsWith('dist/scripts/') ||
        f.startsWith('dist/test/') ||
        (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)),
    );
    if (unwanted.length > 0) throw new Error(`unexpected files: ${unwanted.slice(0, 10).join(', ')}`);
  });

  // tsc never deletes output: a module whose source was removed would still be published from a stale dist/.
  check('every module in the tarball has its source (no stale dist/ output)', () => {
    const stale = files
      .filter((f) => f.startsWith('dist/') && f.endsWith('.js'))
      .filter((f) => !fs.existsSync(path.join(repo, f.replace(/^dist\//, '').replace(/\.js$/, '.ts'))));
    if (stale.length > 0) throw new Error(`no source for: ${stale.slice(0, 10).join(', ')} (run \`make clean build\`)`);
  });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`package test: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('package test: every export of the packed tarball loads');
