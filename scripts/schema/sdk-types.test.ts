import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageModels } from './package-models';
import { sdkTypesFile } from './sdk-types';

/** The SDK's types come from the zod schemas: every input is an output, and each property carries its docs. */
describe('generated SDK types', () => {
  const models = packageModels();
  const file = sdkTypesFile(models);
  const block = (start: string) => file.slice(file.indexOf(start), file.indexOf('\n}\n', file.indexOf(start)));

  it('declares every input of every resource as an output, plus what the provider reports', () => {
    for (const r of models.resources) {
      const outputs = block(`export abstract class ${r.entry.name}Properties`);
      for (const p of [...r.inputs.properties, ...r.outputs.properties])
        expect(outputs).toContain(`declare readonly ${p.name}: pulumi.Output<`);
    }
    expect(block('export abstract class VideoSettingProperties')).toContain(
      'declare readonly profiles: pulumi.Output<VideoProfile[]',
    );
  });

  it('leaves out of the arguments what only the SDK or the provider sets', () => {
    const args = block('export interface InstanceArgs {');
    for (const hidden of ['createKey', 'resourceUrn', 'uniqueNamePrefix'])
      expect(args).not.toMatch(new RegExp(`\\n  ${hidden}\\??:`));
    expect(args).toMatch(/\n {2}bandSize: pulumi\.Input<number>;/);
  });

  it("puts the description, the limits and the replace mark in each property's JSDoc", () => {
    const doc = block('export interface InstanceArgs {');
    const bandSize = doc.slice(doc.lastIndexOf('/**', doc.indexOf('  bandSize:')), doc.indexOf('  bandSize:'));
    expect(bandSize).toContain("Bandwidth in Mbit/s; one of the SKU's `bandSizes`.");
    expect(bandSize).toContain('Constraints:');
    expect(bandSize).toContain('Changing it replaces the resource.');
    const charge = doc.slice(doc.lastIndexOf('/**', doc.indexOf('  charge?:')), doc.indexOf('  charge?:'));
    expect(charge).not.toContain('replaces the resource');
  });

  it('keeps enums as literal types', () => {
    expect(block('export interface InstanceArgs {')).toContain("network?: pulumi.Input<'EIP' | 'ADN'>;");
  });

  it('is the checked-in sdk/generated/types.ts', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'sdk', 'generated', 'types.ts'), 'utf8')).toBe(file);
  });
});
