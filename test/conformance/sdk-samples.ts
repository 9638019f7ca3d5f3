import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldFact, OperationFact, SdkWireFacts, TypeFact } from '../../scripts/sdk-wire-facts';

/**
 * Builds SDK-shaped requests and responses from the wire facts alone (test/conformance/sdk-wire-facts.json), and
 * checks answers against the SDK's response models. Shared by the emulator and client conformance tests; imports
 * nothing from provider/ or emulator/.
 */

export const FACTS_FILE = join(__dirname, 'sdk-wire-facts.json');

export function loadFacts(file = FACTS_FILE): SdkWireFacts {
  return JSON.parse(readFileSync(file, 'utf8')) as SdkWireFacts;
}

/** Values by wire field name, for fields whose meaning the facts cannot know (ids, SKUs, URLs). */
export type Overrides = Readonly<Record<string, unknown>>;

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A value for one field: the override, else the first enum value, else a type-shaped placeholder. */
function sampleType(facts: SdkWireFacts, t: TypeFact, name: string, overrides: Overrides): Json {
  if (name in overrides) return overrides[name] as Json;
  if (t.enum?.length) return t.enum[0];
  switch (t.type) {
    case 'string':
      return `${name}-1`;
    case 'integer':
      return 1;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleType(facts, t.items!, name, overrides)];
    case 'object':
      return t.ref ? sampleModel(facts, t.ref, overrides) : {};
    default:
      return null;
  }
}

/** Every field of a model, recursively (the SDK can send or answer all of them). */
export function sampleModel(facts: SdkWireFacts, model: string, overrides: Overrides = {}): { [k: string]: Json } {
  const m = facts.models[model];
  if (!m) throw new Error(`model ${model} is not in the facts`);
  const out: { [k: string]: Json } = {};
  for (const f of m.fields) out[f.name] = sampleType(facts, f, f.name, overrides);
  return out;
}

export interface SdkRequest {
  method: string;
  /** Path with parameters filled and percent-encoded. */
  path: string;
  query: Record<string, string>;
  /** Only the headers the SDK defines for the operation (x-request-id on four of them). */
  headers: Record<string, string>;
  body?: { [k: string]: Json };
}

/** The request the SDK sends with every parameter and body field set. */
export function sdkRequest(facts: SdkWireFacts, op: OperationFact, overrides: Overrides = {}): SdkRequest {
  let path = op.path;
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of op.params) {
    const value = String(sampleType(facts, p, p.name, overrides));
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === 'query') query[p.name] = value;
    else headers[p.name] = value;
  }
  return {
    method: op.method,
    path,
    query,
    headers,
    body: op.body ? sampleModel(facts, op.body.ref, overrides) : undefined,
  };
}

function typeOk(t: TypeFact, v: unknown): boolean {
  switch (t.type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return true;
  }
}

/**
 * Where `value` breaks the SDK model: unknown names, wrong types (null fits any type, as Jackson reads it), enum
 * values outside the SDK's. Paths listed in `extras` are fields the docs define and the SDK does not (allowed).
 */
export function shapeProblems(
  facts: SdkWireFacts,
  model: string,
  value: unknown,
  extras: readonly string[] = [],
  at = '',
): string[] {
  const m = facts.models[model];
  if (!m) return [`${at || '(root)'}: model ${model} unknown`];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at || '(root)'}: expected an object`];
  const problems: string[] = [];
  const byName = new Map<string, FieldFact>(m.fields.map((f) => [f.name, f]));
  for (const [key, v] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const f = byName.get(key);
    if (!f) {
      if (!extras.includes(path.replace(/\[\d+\]/g, '[]'))) problems.push(`${path}: not in the SDK's ${model}`);
      continue;
    }
    problems.push(...valueProblems(facts, f, v, extras, path));
  }
  return problems;
}

function valueProblems(
  facts: SdkWireFacts,
  t: TypeFact,
  v: unknown,
  extras: readonly string[],
  path: string,
): string[] {
  if (v === null) return [];
  if (!typeOk(t, v)) return [`${path}: expected ${t.type}, got ${JSON.stringify(v)}`];
  if (t.enum && t.type !== 'integer' && !t.enum.includes(v as string))
    return [`${path}: ${JSON.stringify(v)} not one of ${t.enum.join(', ')}`];
  if (t.type === 'array')
    return (v as unknown[]).flatMap((item, i) => valueProblems(facts, t.items!, item, extras, `${path}[${i}]`));
  if (t.type === 'object' && t.ref) return shapeProblems(facts, t.ref, v, extras, path);
  return [];
}

/** Every field path of a JSON value (`a`, `a.b`, `a.c[]`, `a.c[].d`). */
export function fieldPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.length ? fieldPaths(value[0], `${at}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return [path, ...fieldPaths(v, path)];
  });
}
