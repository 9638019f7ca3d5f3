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

/** The dotted field path of a zod issue (`charge.periodNum`, `ids.0`), or `whole` for an issue on the value itself. */
export function issuePath(issue: z.core.$ZodIssue, whole: string): string {
  return issue.path.map(String).join('.') || whole;
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
    .map((issue) => ({ property: issuePath(issue, '(inputs)'), reason: issue.message }));
  // Only unknowns failed: pass the inputs through unvalidated; they are checked again at apply time.
  return failures.length === 0 ? { inputs: props as z.output<S>, failures } : { failures };
}

/** Drops undefined members: the engine's property values cannot carry `undefined`. */
export function definedOnly<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
