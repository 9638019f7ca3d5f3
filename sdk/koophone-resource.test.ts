import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Measured in a plain Node process: under Jest, Pulumi's closure serializer (which runs after the constructor,
 * for the provider) has no inspector. The probe registers resources with mocks and counts the stack frames V8
 * hands to prepareStackTrace during each constructor: what the captured traces cost.
 */
const PROBE = `
const pulumi = require('@pulumi/pulumi');
const { KoophoneResource } = require('./sdk/koophone-resource');
pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name + '-id', state: a.inputs }), call: (a) => a.inputs }, 'project', 'stack', false);
const provider = { create: async () => ({ id: 'x', outs: {} }) };
// As many properties as an Instance registers (every input and output).
const props = () => Object.fromEntries(Array.from({ length: 40 }, (_, i) => ['p' + i, undefined]));
class Probe extends KoophoneResource { constructor(name) { super(provider, name, props()); } }
function frames(register) {
  const original = Error.prepareStackTrace;
  let n = 0;
  Error.prepareStackTrace = (err, sites) => { n += sites.length; return String(err); };
  try { register(); } finally { Error.prepareStackTrace = original; }
  return n;
}
const limit = Error.stackTraceLimit;
const plain = frames(() => new pulumi.dynamic.Resource(provider, 'plain', props()));
const ours = frames(() => new Probe('ours'));
const limitAfter = Error.stackTraceLimit;
let threw = '';
try { new Probe(''); } catch (e) { threw = e.message; }
console.log(JSON.stringify({ plain, ours, limit, limitAfter, threw, limitAfterThrow: Error.stackTraceLimit }));
`;

function probe(): {
  plain: number;
  ours: number;
  limit: number;
  limitAfter: number;
  threw: string;
  limitAfterThrow: number;
} {
  const root = path.resolve(__dirname, '..');
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', PROBE], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

describe('KoophoneResource', () => {
  const result = probe();

  it("skips the SDK's per-property stack traces while registering (Pulumi's own resource trace is kept)", () => {
    // 40 properties × 4 promises × up to 10 frames each without it; only the resource's one full trace with it.
    expect(result.plain).toBeGreaterThan(1000);
    expect(result.ours).toBeLessThan(result.plain / 10);
    expect(result.ours).toBeGreaterThan(0);
  });

  it('restores the stack trace limit, also when registration throws', () => {
    expect(result.limitAfter).toBe(result.limit);
    expect(result.threw).toMatch(/name/);
    expect(result.limitAfterThrow).toBe(result.limit);
  });
});
