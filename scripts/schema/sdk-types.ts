import type { FunctionModel, PackageModels, ResourceModel } from './package-models';
import { objectModel, reachableTypes, type NamedType, type PropertyModel, type TypeRef } from './property-model';
import { NAMED_TYPES } from './catalogue';

/**
 * Renders sdk/generated/types.ts: every resource's `*Args`, its output properties (as an abstract base class the SDK
 * class extends), each nested type and each data function's arguments and result, from the same models that
 * schema.json and the docs come from. Each property's description, constraints, default and replace-on-change mark
 * become its JSDoc, so an editor's hover shows them.
 */

type Form = 'input' | 'output' | 'plain';

const literal = (v: string | number | boolean) => (typeof v === 'string' ? `'${v.replace(/'/g, "\\'")}'` : String(v));

function typeText(type: TypeRef, form: Form): string {
  if (type.kind === 'array') {
    const item = typeText(type.items, form);
    return form === 'input' ? `pulumi.Input<${item}>[]` : `${item}[]`;
  }
  if (type.kind === 'named') return form === 'input' ? `${type.name}Args` : type.name;
  if (type.values && type.values.length > 0) return type.values.map(literal).join(' | ');
  return type.type === 'integer' ? 'number' : type.type;
}

/** The JSDoc of one property: what it is, its limits, its default, and what changing it does. */
function docComment(p: PropertyModel, notes: string[], indent: string): string {
  const lines = [p.description || p.name];
  if (p.constraints.length > 0) lines.push(`Constraints: ${p.constraints.join('; ')}.`);
  if (p.default !== undefined) lines.push(`Default: \`${JSON.stringify(p.default)}\`.`);
  if (p.secret) lines.push('Secret: stored encrypted in the state, never printed.');
  lines.push(...notes);
  const body = lines.flatMap((l) => l.split('\n')).map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`.trimEnd());
  return [`${indent}/**`, ...body, `${indent} */`].join('\n');
}

function member(p: PropertyModel, form: Form, indent: string, notes: string[]): string {
  const optional = form === 'output' || p.required ? '' : '?';
  const type = typeText(p.type, form);
  if (form === 'input') return `${docComment(p, notes, indent)}\n${indent}${p.name}${optional}: pulumi.Input<${type}>;`;
  if (form === 'output') {
    const maybe = p.required ? '' : ' | undefined';
    return `${docComment(p, notes, indent)}\n${indent}declare readonly ${p.name}: pulumi.Output<${type}${maybe}>;`;
  }
  return `${docComment(p, notes, indent)}\n${indent}${p.name}${optional}: ${type};`;
}

/** A nested type: as a program writes it (`*Args`, only when some resource takes it as an input) and as reported. */
function namedTypeBlocks(type: NamedType, asInput: boolean): string {
  const input = objectModel(type.schema, { io: 'input', namedTypes: NAMED_TYPES }).properties;
  const output = objectModel(type.schema, { io: 'output', namedTypes: NAMED_TYPES }).properties;
  const args = [
    `/** ${type.name} as a program writes it (each field may be an Output). */`,
    `export interface ${type.name}Args {`,
    ...input.map((p) => member(p, 'input', '  ', [])),
    '}',
    '',
  ];
  return [
    ...(asInput ? args : []),
    `/** ${type.name} as the provider reports it. */`,
    `export interface ${type.name} {`,
    ...output.map((p) => member(p, 'plain', '  ', [])),
    '}',
  ].join('\n');
}

function resourceBlocks(r: ResourceModel): string {
  const name = r.entry.name;
  const inputNames = new Set(r.inputs.properties.map((p) => p.name));
  const replaceNote = (p: PropertyModel) => (p.replaces ? ['Changing it replaces the resource.'] : []);
  return [
    `/** The arguments of a {@link ${name}}: ${r.entry.summary.split('. ')[0].replace(/\.$/, '')}. */`,
    `export interface ${name}Args {`,
    ...r.inputs.properties.map((p) => member(p, 'input', '  ', replaceNote(p))),
    '}',
    '',
    `/** The properties a ${name} reports after a deployment: every input, plus what the provider reads. */`,
    `export abstract class ${name}Properties extends KoophoneResource {`,
    ...r.outputs.properties.map((p) =>
      member(p, 'output', '  ', inputNames.has(p.name) ? replaceNote(p) : ['Output only: set by the provider.']),
    ),
    '}',
    '',
    `/** Every output property of a ${name}: the keys its SDK class registers, so that each becomes an Output. */`,
    `export const ${name[0].toLowerCase() + name.slice(1)}OutputNames = [${r.outputs.properties.map((p) => `'${p.name}'`).join(', ')}] as const;`,
    ...(r.outputs.properties.some((p) => p.secret)
      ? [
          '',
          `/** The ${name} properties marked secret: the SDK makes them secret in state whether or not the program did. */`,
          `export const ${name[0].toLowerCase() + name.slice(1)}SecretNames = [${r.outputs.properties
            .filter((p) => p.secret)
            .map((p) => `'${p.name}'`)
            .join(', ')}] as const;`,
        ]
      : []),
  ].join('\n');
}

function functionBlocks(f: FunctionModel): string {
  const pascal = f.entry.name[0].toUpperCase() + f.entry.name.slice(1);
  return [
    `/** The arguments of {@link ${f.entry.name}}. */`,
    `export interface ${pascal}Args {`,
    ...f.args.properties.map((p) => member(p, 'plain', '  ', [])),
    '}',
    '',
    `/** The result of {@link ${f.entry.name}}. */`,
    `export interface ${pascal}Result {`,
    ...f.result.properties.map((p) => member(p, 'plain', '  ', [])),
    '}',
  ].join('\n');
}

export function sdkTypesFile(models: PackageModels): string {
  const used = new Set<string>();
  const types: NamedType[] = [];
  for (const t of [...models.resources.flatMap((r) => r.types), ...models.functions.flatMap((f) => f.types)]) {
    if (used.has(t.name)) continue;
    types.push(t);
    used.add(t.name);
  }
  const inputTypes = new Set(
    reachableTypes(
      models.resources.map((r) => r.inputs),
      NAMED_TYPES,
      'input',
    ).map((t) => t.name),
  );
  return [
    '// Generated by scripts/schema/generate.ts from the zod schemas in provider/schemas/resources. Do not edit.',
    "import * as pulumi from '@pulumi/pulumi';",
    "import { KoophoneResource } from '../koophone-resource';",
    '',
    ...types.map((t) => namedTypeBlocks(t, inputTypes.has(t.name)) + '\n'),
    ...models.resources.map((r) => resourceBlocks(r) + '\n'),
    ...models.functions.map((f) => functionBlocks(f) + '\n'),
  ].join('\n');
}
