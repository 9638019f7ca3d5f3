import { z } from 'zod';
import { describeConstraints, type JsonSchemaNode } from './constraints';

/**
 * The one intermediate form both outputs are rendered from: zod → JSON Schema (z.toJSONSchema) → these models →
 * Pulumi PropertySpec (package-schema.ts) and Markdown tables (docs/). Keeping one model means schema.json and the
 * docs can never disagree about a type, a constraint or a default.
 */

export type TypeRef =
  /** `values`: the only values allowed (a zod enum or literal union), for literal types in the generated SDK. */
  | {
      kind: 'primitive';
      type: 'string' | 'integer' | 'number' | 'boolean';
      values?: readonly (string | number | boolean)[];
    }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'named'; name: string };

export interface PropertyModel {
  name: string;
  type: TypeRef;
  required: boolean;
  /** The zod `.describe()` text (or, for a property of a named type without its own, the type's description). */
  description: string;
  /** Human-readable constraints, e.g. "1–64 characters", "one of `EIP`, `ADN`". */
  constraints: string[];
  /** Present when zod has a `.default()`. */
  default?: unknown;
  replaces: boolean;
  /** Marked `secret` on the zod field. */
  secret: boolean;
}

export interface ObjectModel {
  properties: PropertyModel[];
}

/** A nested object type with its own name in the Pulumi schema (`koophone:index:<name>`). */
export interface NamedType {
  name: string;
  schema: z.ZodType;
  /** Used when the zod schema carries no description of its own. */
  fallbackDescription: string;
}

export interface ModelOptions {
  /** zod `input` (what a program writes: defaults make a field optional) or `output` (what state holds). */
  io: 'input' | 'output';
  namedTypes: readonly NamedType[];
  /** Leave out the fields marked `setByProvider` (a program never sets them: the SDK's arguments, schema inputs). */
  omitSetByProvider?: boolean;
}

/**
 * A metadata registry that answers like zod's global one (descriptions) and adds an `id` for each named type, so
 * z.toJSONSchema emits `$ref: "#/$defs/<name>"` wherever that exact schema object is used.
 */
function registryNaming(namedTypes: readonly NamedType[]): z.core.$ZodRegistry<z.core.GlobalMeta> {
  const names = new Map<unknown, string>(namedTypes.map((t) => [t.schema, t.name]));
  const registry = Object.create(z.globalRegistry) as z.core.$ZodRegistry<z.core.GlobalMeta>;
  registry.get = (schema) => {
    const meta = z.globalRegistry.get(schema);
    const name = names.get(schema);
    return name === undefined ? meta : { ...meta, id: name };
  };
  return registry;
}

interface CheckDef {
  _zod: { def: { pattern?: unknown } };
}

/** The regexes a zod string schema checks, with their flags. */
function regexesOf(schema: z.core.$ZodType): RegExp[] {
  const checks = ((schema._zod.def as { checks?: CheckDef[] }).checks ?? []).map((c) => c._zod.def.pattern);
  return checks.filter((p): p is RegExp => p instanceof RegExp);
}

/** JSON Schema of a zod schema; named types become `$ref`s, and regexes keep their flags (JSON Schema drops `/i`). */
export function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  namedTypes: readonly NamedType[],
): JsonSchemaNode {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'throw',
    metadata: registryNaming(namedTypes),
    override: (ctx) => {
      const regexes = regexesOf(ctx.zodSchema);
      if (regexes.length > 0) (ctx.jsonSchema as JsonSchemaNode)['x-regex'] = regexes.map(String);
    },
  }) as JsonSchemaNode;
}

const REF_PREFIX = '#/$defs/';

function primitiveOf(node: JsonSchemaNode, where: string): TypeRef {
  const values = node.anyOf?.map((branch) => branch.const) ?? (node.const !== undefined ? [node.const] : node.enum);
  const type = node.type ?? (values && typeof values[0]);
  const only = values?.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    ? { values: values as (string | number | boolean)[] }
    : {};
  if (type === 'string' || type === 'boolean' || type === 'integer') return { kind: 'primitive', type, ...only };
  if (type === 'number') {
    // `z.literal(30) | z.literal(60)` arrives as anyOf number consts: an integer in Pulumi's terms.
    const allIntegers = values !== undefined && values.every((v) => Number.isInteger(v));
    return { kind: 'primitive', type: allIntegers ? 'integer' : 'number', ...only };
  }
  throw new Error(`${where}: cannot map JSON Schema ${JSON.stringify(node)} to a Pulumi type`);
}

function typeOf(node: JsonSchemaNode, where: string): TypeRef {
  if (node.$ref) {
    if (!node.$ref.startsWith(REF_PREFIX)) throw new Error(`${where}: unexpected $ref ${node.$ref}`);
    return { kind: 'named', name: node.$ref.slice(REF_PREFIX.length) };
  }
  if (node.type === 'array') {
    if (!node.items) throw new Error(`${where}: array without items`);
    return { kind: 'array', items: typeOf(node.items, `${where}[]`) };
  }
  if (node.type === 'object') {
    // Pulumi needs a name for every nested object: register it in the catalogue's named types.
    throw new Error(`${where}: a nested object without a name; add its zod schema to the named types`);
  }
  return primitiveOf(node, where);
}

function objectModelOf(root: JsonSchemaNode, node: JsonSchemaNode, opts: ModelOptions, where: string): ObjectModel {
  const required = new Set(node.required ?? []);
  const properties = Object.entries(node.properties ?? {})
    .filter(([, prop]) => !(opts.omitSetByProvider && prop.setByProvider))
    .map(([name, prop]): PropertyModel => {
      const type = typeOf(prop, `${where}.${name}`);
      const target = type.kind === 'named' ? root.$defs?.[type.name] : undefined;
      return {
        name,
        type,
        required: required.has(name),
        description: prop.description ?? target?.description ?? '',
        constraints: describeConstraints(prop),
        ...(prop.default !== undefined ? { default: prop.default } : {}),
        replaces: prop.replaceOnChange === true,
        secret: prop.secret === true,
      };
    });
  return { properties };
}

/** The properties of a zod object schema (an object at the top, after `.default()`/`.describe()` wrappers). */
export function objectModel(schema: z.ZodType, opts: ModelOptions): ObjectModel {
  const root = toJsonSchema(schema, opts.io, opts.namedTypes);
  const node = root.$ref ? root.$defs?.[root.$ref.slice(REF_PREFIX.length)] : root;
  if (!node || node.type !== 'object') throw new Error('objectModel: the schema is not an object');
  return objectModelOf(root, node, opts, 'schema');
}

/** A named type's description: its own zod description, else the catalogue's. */
export function namedTypeDescription(type: NamedType): string {
  return z.globalRegistry.get(type.schema)?.description ?? type.fallbackDescription;
}

/** Named types reachable from the given models, in first-use order, following references inside named types. */
export function reachableTypes(
  models: readonly ObjectModel[],
  namedTypes: readonly NamedType[],
  io: 'input' | 'output',
): NamedType[] {
  const byName = new Map(namedTypes.map((t) => [t.name, t]));
  const found: NamedType[] = [];
  const visit = (type: TypeRef) => {
    if (type.kind === 'array') return visit(type.items);
    if (type.kind !== 'named' || found.some((t) => t.name === type.name)) return;
    const named = byName.get(type.name);
    if (!named) throw new Error(`unknown named type ${type.name}`);
    found.push(named);
    objectModel(named.schema, { io, namedTypes }).properties.forEach((p) => visit(p.type));
  };
  models.forEach((m) => m.properties.forEach((p) => visit(p.type)));
  return found;
}
