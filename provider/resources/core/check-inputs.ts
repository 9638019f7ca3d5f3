import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { z } from 'zod';

/** The engine's placeholder for values not known until apply (e.g. another resource's output at preview). */
export const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const PROVIDER_KEY = '__provider';

function hasUnknownAt(value: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === UNKNOWN_VALUE) return true;
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur === UNKNOWN_VALUE;
}

/**
 * Validates inputs with the resource's zod schema and reports each problem on its property path, so
 * `pulumi preview` names the field before any API call. Values still unknown at preview are not judged.
 */
export function checkInputs<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
): { inputs?: z.output<S>; failures: dynamic.CheckFailure[] } {
  const { [PROVIDER_KEY]: _provider, ...props } = news;
  const parsed = schema.safeParse(props);
  if (parsed.success) return { inputs: parsed.data, failures: [] };
  const failures = parsed.error.issues
    .filter((issue) => !hasUnknownAt(props, issue.path))
    .map((issue) => checkFailureAt(issue.path, issue.message, props));
  // Only unknowns failed: pass the inputs through unvalidated; they are checked again at apply time.
  return failures.length === 0 ? { inputs: props as z.output<S>, failures } : { failures };
}

/**
 * A check failure the engine prints well. It renders `property <p> value <inputs[p]>`, looking `p` up as a top-level
 * key only, so a nested path (`charge.periodNum`) or none would print `value {<nil>}`: those go into the reason,
 * with the value received, and the property stays empty.
 */
export function checkFailureAt(
  path: readonly PropertyKey[],
  reason: string,
  inputs: Record<string, unknown>,
): dynamic.CheckFailure {
  if (path.length === 1 && typeof path[0] === 'string') return { property: path[0], reason };
  const field = path.length === 0 ? 'inputs' : path.map(String).join('.');
  const value = valueAt(inputs, path);
  const received = value === undefined || /received/.test(reason) ? '' : ` (received ${describeValue(value)})`;
  return { property: '', reason: `${field}: ${reason}${received}` };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return undefined;
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

/** Short JSON of a received value; long values are cut (inputs carry no secrets, but messages stay readable). */
function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Drops undefined members: the engine's property values cannot carry `undefined`. */
export function definedOnly<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
