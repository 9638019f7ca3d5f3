import * as path from 'node:path';

import { createPulumiProject, managedResources, type ExportedResource, type PulumiProject } from './harness';

// Proves the offline toolchain end to end: the CLI built from Go modules, our language host
// running a TypeScript program, and the dynamic-provider launcher loading a provider from an
// installed package. Every assertion reads what the engine recorded (stack export / outputs).

const fixtures = path.join(__dirname, 'fixtures');
const secretToken = 'smoke-s3cret-token';

let project: PulumiProject;

async function onlyResource(): Promise<ExportedResource> {
  const resources = managedResources(await project.exportStack());
  expect(resources).toHaveLength(1);
  return resources[0];
}

beforeAll(async () => {
  project = await createPulumiProject({
    template: path.join(fixtures, 'smoke-program'),
    packages: { 'smoke-provider': path.join(fixtures, 'smoke-provider') },
  });
  await project.initStack('dev');
  await project.setConfig('value', 'one');
  await project.setConfig('token', secretToken, { secret: true });
});

afterAll(async () => {
  await project?.dispose();
});

describe('offline engine smoke test', () => {
  let created: ExportedResource;

  it('up creates the dynamic resource and stores its provider as a require() of the installed package', async () => {
    await project.pulumi(['up']);

    created = await onlyResource();
    expect(created.type).toBe('pulumi-nodejs:dynamic:Resource');
    expect(created.outputs).toMatchObject({ label: 'smoke', value: 'one', updateCount: 0 });
    const serialized = created.inputs?.__provider;
    if (typeof serialized !== 'string') {
      throw new Error(`__provider is not a string: ${JSON.stringify(serialized)}`);
    }
    expect(serialized).toContain('require("smoke-provider/provider.js")');
    expect(Buffer.byteLength(serialized)).toBeLessThan(4096);
    expect(await project.outputs()).toMatchObject({ resourceId: created.id, value: 'one', updateCount: 0 });
  });

  it('keeps secret config encrypted in the state', async () => {
    const exported = JSON.stringify(await project.exportStack());
    expect(exported).not.toContain(secretToken);
    expect(created.outputs?.token).toHaveProperty('ciphertext');
  });

  it('a second preview reports no changes', async () => {
    // --expect-no-changes makes the CLI exit non-zero (and the harness throw) on any change.
    const preview = await project.pulumi(['preview', '--expect-no-changes']);
    expect(preview.code).toBe(0);
  });

  it('changing an input through config updates the resource in place', async () => {
    await project.setConfig('value', 'two');
    await project.pulumi(['up']);

    const updated = await onlyResource();
    expect(updated.urn).toBe(created.urn);
    expect(updated.id).toBe(created.id);
    expect(updated.outputs).toMatchObject({ value: 'two', updateCount: 1 });
    expect(await project.outputs()).toMatchObject({ resourceId: created.id, value: 'two', updateCount: 1 });
  });

  it('destroy leaves no resources in the stack', async () => {
    await project.pulumi(['destroy']);

    expect((await project.exportStack()).deployment.resources ?? []).toHaveLength(0);
  });

  it('a failing program is reported once, by the program, and fails the command', async () => {
    await project.writeFile('index.ts', 'throw new Error("smoke program failure");\n');

    const preview = await project.pulumi(['preview'], { allowFailure: true });
    expect(preview.code).not.toBe(0);
    expect(preview.stdout).toContain('smoke program failure');
    // The run script exits with code 32 after logging the error itself; the host answers "bail",
    // so the engine adds no generic "exited with non-zero exit code" message of its own.
    expect(preview.stdout + preview.stderr).not.toContain('non-zero exit code');
  });
});
