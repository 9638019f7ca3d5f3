/** The subset of JSON Schema (draft 2020-12, as z.toJSONSchema writes it) the generator reads. */
export interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  /** Added by the generator: the zod regexes with their flags (JSON Schema's `pattern` loses `/i`). */
  'x-regex'?: string[];
  /** Field marks from zod metadata (provider/schemas/resources/field-marks.ts). */
  replaceOnChange?: boolean;
  setByProvider?: boolean;
  secret?: boolean;
  [key: string]: unknown;
}

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const suffix = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${suffix}` : `${min}–${max}${suffix}`;
  if (max !== undefined) return `at most ${max}${suffix}`;
  if (min !== undefined) return min === 1 && unit === 'characters' ? 'not empty' : `at least ${min}${suffix}`;
  return undefined;
}

function valueConstraints(node: JsonSchemaNode): string[] {
  const out: string[] = [];
  const consts = node.anyOf?.every((b) => b.const !== undefined) ? node.anyOf.map((b) => b.const) : undefined;
  if (node.enum) out.push(`one of ${node.enum.map(code).join(', ')}`);
  if (consts) out.push(`one of ${consts.map(code).join(', ')}`);
  if (node.const !== undefined) out.push(`always ${code(node.const)}`);
  const chars = range(node.minLength, node.maxLength, 'characters');
  if (chars) out.push(chars);
  if (node['x-regex']) out.push(...node['x-regex'].map((r) => `matches ${code(r)}`));
  else if (node.pattern) out.push(`matches ${code(node.pattern)}`);
  if (node.format === 'uri') out.push('a URL');
  if (node.exclusiveMinimum !== undefined) out.push(`greater than ${node.exclusiveMinimum}`);
  if (node.exclusiveMaximum !== undefined) out.push(`less than ${node.exclusiveMaximum}`);
  // `.int()` adds the safe-integer bounds; they say nothing to a reader.
  const min = node.minimum === Number.MIN_SAFE_INTEGER ? undefined : node.minimum;
  const max = node.maximum === Number.MAX_SAFE_INTEGER ? undefined : node.maximum;
  const numbers = range(min, max, '');
  if (numbers) out.push(numbers);
  if (node.multipleOf !== undefined) out.push(`a multiple of ${node.multipleOf}`);
  return out;
}

/**
 * Constraints of one property in words, e.g. `["1–100 items", "each 1–32 characters"]`. Refinements zod cannot
 * express in JSON Schema (cross-field rules, uniqueness) are stated in the property's own description instead.
 */
export function describeConstraints(node: JsonSchemaNode): string[] {
  const out = valueConstraints(node);
  if (node.type === 'array') {
    const items = range(node.minItems, node.maxItems, 'items');
    if (items) out.push(items);
    if (node.items && !node.items.$ref) {
      const each = valueConstraints(node.items);
      if (each.length > 0) out.push(`each ${each.join(', ')}`);
    }
  }
  return out;
}

/** The constraints as one sentence for a description, or '' when there are none. */
export function constraintSentence(constraints: readonly string[]): string {
  if (constraints.length === 0) return '';
  const text = constraints.join('; ');
  return `Constraints: ${text}.`;
}
