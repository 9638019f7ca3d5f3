import { z } from 'zod';

/**
 * Marks carried by a zod field itself (zod metadata), read by the providers' `diff`, schema.json, the docs and the
 * generated SDK types alike, so that "what replaces the resource" and "who sets this field" live in one place.
 */
declare module 'zod' {
  interface GlobalMeta {
    /** Changing this input replaces the resource: the API cannot change it in place. */
    replaceOnChange?: boolean;
    /** Set by the SDK or the provider, never by a program: not among the SDK's arguments, still an output. */
    setByProvider?: boolean;
    /** A secret (e.g. a signed URL): the SDK stores it encrypted, schema.json marks it `secret`. */
    secret?: boolean;
  }
}

export type FieldMark = 'replaceOnChange' | 'setByProvider' | 'secret';

/** Marks `schema` as replacing its resource when it changes. */
export function replacesOnChange<T extends z.ZodType>(schema: T): T {
  return schema.meta({ replaceOnChange: true });
}

/** Marks `schema` as set by the SDK or the provider, not by a program. */
export function setByProvider<T extends z.ZodType>(schema: T): T {
  return schema.meta({ setByProvider: true });
}

/** Marks `schema` as a secret: encrypted in state, never printed. */
export function secretField<T extends z.ZodType>(schema: T): T {
  return schema.meta({ secret: true });
}

/** The fields of an object schema that carry `mark`, in declaration order. */
export function markedFields<S extends z.ZodObject>(schema: S, mark: FieldMark): Array<keyof z.output<S> & string> {
  return Object.entries(schema.shape)
    .filter(([, field]) => z.globalRegistry.get(field as z.ZodType)?.[mark] === true)
    .map(([name]) => name as keyof z.output<S> & string);
}
