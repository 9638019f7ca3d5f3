import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_OPS } from './model/ops';

/** The emulator's manual names every operation (counter and fault name) and every control route the code serves. */
describe('emulator/README.md', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');

  it('lists every operation name of model/ops.ts', () => {
    const table = readme.slice(readme.indexOf('## Operations and counters'));
    expect(ALL_OPS.filter((op) => !table.includes(`\`${op}\``))).toEqual([]);
    expect(readme).toContain(`all ${ALL_OPS.length} ops`);
  });

  it('documents every /_emulator route', () => {
    const dir = join(__dirname, 'control');
    const routes = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/'\/_emulator(\/[^']*)'/g)].map((m) => m[1]))
      // `:id` in fastify, `{id}` in the manual.
      .map((route) => route.replace(/:(\w+)/g, '{$1}'));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !readme.includes(route))).toEqual([]);
  });
});
