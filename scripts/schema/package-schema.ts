import { NAMED_TYPES, PACKAGE_NAME, token } from './catalogue';
import { constraintSentence } from './constraints';
import type { PackageModels } from './package-models';
import {
  namedTypeDescription,
  objectModel,
  type NamedType,
  type ObjectModel,
  type PropertyModel,
  type TypeRef,
} from './property-model';

/** The subset of the Pulumi package schema (pulumi.com/docs/iac/extend/packages/schema) this package uses. */
export interface TypeSpec {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  items?: TypeSpec;
  $ref?: string;
}
export interface PropertySpec extends TypeSpec {
  description: string;
  default?: string | number | boolean;
  willReplaceOnChanges?: boolean;
  secret?: boolean;
  defaultInfo?: { environment: string[] };
}
export interface ObjectTypeSpec {
  type: 'object';
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}
export interface ResourceSpec {
  description: string;
  properties: Record<string, PropertySpec>;
  required: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
}
export interface FunctionSpec {
  description: string;
  inputs: ObjectTypeSpec;
  outputs: ObjectTypeSpec;
}
export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  config: { variables: Record<string, PropertySpec> };
  types: Record<string, ObjectTypeSpec>;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  language: { nodejs: { packageName: string } };
}

function typeSpec(type: TypeRef): TypeSpec {
  switch (type.kind) {
    case 'primitive':
      return { type: type.type };
    case 'array':
      return { type: 'array', items: typeSpec(type.items) };
    case 'named':
      return { $ref: `#/types/${token(type.name)}` };
  }
}

const isPrimitive = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Description = the zod text + its constraints in words. Pulumi's `default` holds only primitives, so an object
 * or list default is stated in words too.
 */
export function propertySpec(p: PropertyModel): PropertySpec {
  const defaultText =
    p.default !== undefined && !isPrimitive(p.default) ? `Default: \`${JSON.stringify(p.default)}\`.` : '';
  const description = [p.description, constraintSentence(p.constraints), defaultText].filter(Boolean).join(' ');
  return {
    ...typeSpec(p.type),
    description,
    ...(isPrimitive(p.default) ? { default: p.default } : {}),
    ...(p.replaces ? { willReplaceOnChanges: true } : {}),
    ...(p.secret ? { secret: true } : {}),
  };
}

function propertiesOf(model: ObjectModel): Record<string, PropertySpec> {
  return Object.fromEntries(model.properties.map((p) => [p.name, propertySpec(p)]));
}

const requiredOf = (model: ObjectModel) => model.properties.filter((p) => p.required).map((p) => p.name);

function objectTypeSpec(model: ObjectModel, description?: string): ObjectTypeSpec {
  const required = requiredOf(model);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: propertiesOf(model),
    ...(required.length > 0 ? { required } : {}),
  };
}

function namedTypeSpec(type: NamedType, io: 'input' | 'output'): ObjectTypeSpec {
  return objectTypeSpec(objectModel(type.schema, { io, namedTypes: NAMED_TYPES }), namedTypeDescription(type));
}

export function packageSchema(
  models: PackageModels,
  meta: { version: string; description: string; license: string },
): PackageSchema {
  // Resource types describe what a program writes (defaults optional); function result types what comes back.
  const types: Record<string, ObjectTypeSpec> = {};
  for (const r of models.resources) for (const t of r.types) types[token(t.name)] ??= namedTypeSpec(t, 'input');
  for (const f of models.functions) for (const t of f.types) types[token(t.name)] ??= namedTypeSpec(t, 'output');

  const variables = Object.fromEntries(
    models.config.map((c) => [
      c.key,
      { ...propertySpec(c.property), defaultInfo: { environment: [...c.env] }, ...(c.secret ? { secret: true } : {}) },
    ]),
  );

  return {
    name: PACKAGE_NAME,
    displayName: 'KooPhone',
    version: meta.version,
    description: meta.description,
    keywords: ['pulumi', 'koophone', 'huaweicloud', 'cloud-phone', 'category/cloud'],
    license: meta.license,
    config: { variables },
    types,
    resources: Object.fromEntries(
      models.resources.map((r) => [
        token(r.entry.name),
        {
          description: r.entry.summary,
          properties: propertiesOf(r.outputs),
          required: requiredOf(r.outputs),
          inputProperties: propertiesOf(r.inputs),
          requiredInputs: requiredOf(r.inputs),
        },
      ]),
    ),
    functions: Object.fromEntries(
      models.functions.map((f) => [
        token(f.entry.name),
        { description: f.entry.summary, inputs: objectTypeSpec(f.args), outputs: objectTypeSpec(f.result) },
      ]),
    ),
    language: { nodejs: { packageName: 'pulumi-koophone' } },
  };
}

/** Every PropertySpec of the schema with where it sits, for checks such as "each one has a description". */
export function allProperties(schema: PackageSchema): { where: string; spec: PropertySpec }[] {
  const list = (where: string, props: Record<string, PropertySpec>) =>
    Object.entries(props).map(([k, spec]) => ({ where: `${where}.${k}`, spec }));
  return [
    ...list('config.variables', schema.config.variables),
    ...Object.entries(schema.types).flatMap(([t, spec]) => list(`types.${t}`, spec.properties)),
    ...Object.entries(schema.resources).flatMap(([r, spec]) => [
      ...list(`resources.${r}.properties`, spec.properties),
      ...list(`resources.${r}.inputProperties`, spec.inputProperties),
    ]),
    ...Object.entries(schema.functions).flatMap(([f, spec]) => [
      ...list(`functions.${f}.inputs`, spec.inputs.properties),
      ...list(`functions.${f}.outputs`, spec.outputs.properties),
    ]),
  ];
}
