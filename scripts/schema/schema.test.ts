import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INSTANCE_REPLACE_PROPERTIES } from '../../provider/schemas/resources/instance';
import { INSTANCE_GROUP_REPLACE_PROPERTIES } from '../../provider/schemas/resources/instance-group';
import { providerConfigKeys } from '../../provider/schemas/resources/provider-config';
import { USER_ASSIGNMENT_REPLACE_PROPERTIES } from '../../provider/schemas/resources/user-assignment';
import { describeConstraints } from './constraints';
import { REPO_ROOT, generateArtifacts } from './generate';
import { allProperties, type PackageSchema } from './package-schema';
import { objectModel, toJsonSchema } from './property-model';

const artifacts = generateArtifacts();
const schema = JSON.parse(artifacts.get('schema.json')!) as PackageSchema;

describe('generated schema.json and docs', () => {
  it.each([...artifacts.keys()])('checked-in %s is what the generator produces (run `make schema` if not)', (path) => {
    const checkedIn = readFileSync(join(REPO_ROOT, path), 'utf8');
    expect(checkedIn).toBe(artifacts.get(path));
  });

  it('is deterministic: a second run gives the same bytes, keys sorted, trailing newline', () => {
    expect(generateArtifacts()).toEqual(artifacts);
    const text = artifacts.get('schema.json')!;
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(schema)).toEqual([...Object.keys(schema)].sort());
  });
});

describe('schema.json content', () => {
  it('gives every property a description', () => {
    const properties = allProperties(schema);
    expect(properties.length).toBeGreaterThan(60);
    const undescribed = properties
      .filter((p) => !p.spec.description || p.spec.description.trim() === '')
      .map((p) => p.where);
    expect(undescribed).toEqual([]);
  });

  it('has the eight resources and four functions under koophone:index', () => {
    expect(Object.keys(schema.resources).sort()).toEqual([
      'koophone:index:AppInstallation',
      'koophone:index:Instance',
      'koophone:index:InstanceGroup',
      'koophone:index:PhoneCommand',
      'koophone:index:PhoneReboot',
      'koophone:index:PhoneReset',
      'koophone:index:UserAssignment',
      'koophone:index:VideoSetting',
    ]);
    expect(Object.keys(schema.functions).sort()).toEqual([
      'koophone:index:getInstances',
      'koophone:index:getQuote',
      'koophone:index:getSkus',
      'koophone:index:getSubscriptions',
    ]);
  });

  it('marks exactly the replace properties with willReplaceOnChanges', () => {
    const replacing = (r: string) =>
      Object.entries(schema.resources[`koophone:index:${r}`].inputProperties)
        .filter(([, p]) => p.willReplaceOnChanges)
        .map(([k]) => k)
        .sort();
    expect(replacing('Instance')).toEqual([...INSTANCE_REPLACE_PROPERTIES].sort());
    expect(replacing('InstanceGroup')).toEqual([...INSTANCE_GROUP_REPLACE_PROPERTIES].sort());
    expect(replacing('UserAssignment')).toEqual([...USER_ASSIGNMENT_REPLACE_PROPERTIES].sort());
    expect(replacing('VideoSetting')).toEqual([]);
  });

  it('marks the fields marked secret in zod as secret (signed URLs)', () => {
    const app = schema.resources['koophone:index:AppInstallation'];
    expect(app.inputProperties.packageUrl.secret).toBe(true);
    expect(app.properties.packageUrl.secret).toBe(true);
    expect(app.inputProperties.packageName.secret).toBeUndefined();
  });

  it("marks credentials secret and names each key's environment variables", () => {
    const vars = schema.config.variables;
    expect(
      Object.keys(vars)
        .filter((k) => vars[k].secret)
        .sort(),
    ).toEqual(['accessKey', 'password', 'secretKey']);
    for (const [key, info] of Object.entries(providerConfigKeys)) {
      expect(vars[key].defaultInfo?.environment).toEqual([...info.env]);
    }
  });

  it('refers nested objects to named types that exist', () => {
    const refs = JSON.stringify(schema).match(/#\/types\/[^"]+/g) ?? [];
    expect(new Set(refs)).toEqual(
      new Set(
        [
          'InstanceCharge',
          'InstanceGroupMember',
          'InstanceGroupPendingOrder',
          'VideoProfile',
          'VideoSpec',
          'Sku',
          'SkuPool',
          'InstanceSummary',
          'SubscriptionSummary',
          'AppInstallationPhone',
          'PhoneCommandResult',
        ].map((t) => `#/types/koophone:index:${t}`),
      ),
    );
    for (const ref of refs) expect(schema.types[ref.slice('#/types/'.length)]).toBeDefined();
    expect(schema.resources['koophone:index:Instance'].inputProperties.charge.$ref).toBe(
      '#/types/koophone:index:InstanceCharge',
    );
  });

  it('keeps primitive defaults as defaults and states the rest in words', () => {
    const inputs = schema.resources['koophone:index:Instance'].inputProperties;
    expect(inputs.bandSkuId.default).toBe('kp.bandwidth');
    expect(inputs.readyTimeoutSeconds.default).toBe(1800);
    expect(inputs.charge.default).toBeUndefined();
    expect(inputs.charge.description).toContain('Default: `{"mode":"prePaid"');
    // uniqueNamePrefix is set by the provider: an output, never an input.
    expect(inputs.uniqueNamePrefix).toBeUndefined();
    expect(schema.resources['koophone:index:Instance'].properties.uniqueNamePrefix).toBeDefined();
  });

  it('puts constraints into descriptions', () => {
    const spec = schema.types['koophone:index:VideoSpec'].properties;
    expect(spec.codeRate.description).toContain('100–10000; a multiple of 100');
    expect(spec.fps).toMatchObject({ type: 'integer' });
    expect(spec.fps.description).toContain('one of `30`, `60`');
  });
});

describe('constraint words', () => {
  it('keeps regex flags, drops safe-integer bounds and describes list items', () => {
    const s = z.object({
      name: z
        .string()
        .regex(/^[a-z]+$/i)
        .max(8),
      count: z.number().int(),
      ids: z.array(z.string().min(1).max(32)).min(1).max(100),
    });
    const props = toJsonSchema(s, 'input', []).properties!;
    expect(describeConstraints(props.name)).toEqual(['at most 8 characters', 'matches `/^[a-z]+$/i`']);
    expect(describeConstraints(props.count)).toEqual([]);
    expect(describeConstraints(props.ids)).toEqual(['1–100 items', 'each 1–32 characters']);
  });

  it('refuses a nested object that has no name in the schema', () => {
    const s = z.object({ inner: z.object({ a: z.string() }) });
    expect(() => objectModel(s, { io: 'input', namedTypes: [] })).toThrow(
      /schema\.inner: a nested object without a name/,
    );
  });
});

describe('reference pages', () => {
  it('list every input of each resource and show the example with the package import', () => {
    for (const [r, page] of [
      ['Instance', 'docs/instance.md'],
      ['UserAssignment', 'docs/user-assignment.md'],
      ['VideoSetting', 'docs/video-setting.md'],
    ] as const) {
      const text = artifacts.get(page)!;
      for (const input of Object.keys(schema.resources[`koophone:index:${r}`].inputProperties))
        expect(text).toContain(`| \`${input}\` |`);
      expect(text).toContain("from 'pulumi-koophone'");
      expect(text).not.toMatch(/from '\.\.\//);
    }
  });

  it('explain the billing caveats and every documented error code', () => {
    expect(artifacts.get('docs/instance.md')).toMatch(
      /KOOPHONE\.API\.5001[\s\S]*retainOnDelete[\s\S]*pulumi state delete/,
    );
    expect(artifacts.get('docs/user-assignment.md')).toMatch(/wipes/i);
    expect(artifacts.get('docs/video-setting.md')).toMatch(
      /drift is not detectable[\s\S]*restores the documented defaults/,
    );
    const errors = artifacts.get('docs/errors.md')!;
    for (const code of ['KOOPHONE.API.0000', 'KPAPI.2209', 'KOOPHONE.API.5001', 'KOOPHONE.API.9999', 'APIGW.0308'])
      expect(errors).toContain(`\`${code}\``);
  });
});
