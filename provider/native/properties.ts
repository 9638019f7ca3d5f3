import { UNKNOWN_VALUE } from '../resources/core/check-inputs';

/** A resource's property bag as the engine sends it (JSON from a protobuf Struct; unknowns as UNKNOWN_VALUE). */
export type Props = Record<string, unknown>;

export { UNKNOWN_VALUE };

export const isUnknown = (value: unknown): boolean => value === UNKNOWN_VALUE;

/** Copies `props` without the keys whose value is undefined: a Struct cannot carry `undefined`. */
export function definedProps(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

/** The keys of `props` listed in `keys`, in that order (for inputs taken back out of outputs). */
export function pick(props: Props, keys: readonly string[]): Props {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

/** The engine's marker of a secret value in a Struct (sdk/go/common/resource/sig: "Secret"). */
const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

const isSecretValue = (v: unknown): v is { value: unknown } =>
  typeof v === 'object' && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

function reveal(value: unknown): { value: unknown; secret: boolean } {
  if (isSecretValue(value)) return { value: reveal(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(reveal);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, reveal(v)] as const);
    return {
      value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])),
      secret: entries.some(([, r]) => r.secret),
    };
  }
  return { value, secret: false };
}

/**
 * The provider implementations work on plain values: secrets are unwrapped on the way in, and `secretKeys` collects
 * the top-level properties that held one, so that they go back out as secrets (wrapSecrets).
 */
export function unwrapSecrets(props: Props, secretKeys: Set<string>): Props {
  const plain: Props = {};
  for (const [key, value] of Object.entries(props)) {
    const r = reveal(value);
    plain[key] = r.value;
    if (r.secret) secretKeys.add(key);
  }
  return plain;
}

/** Marks the given top-level properties secret: the engine then keeps them encrypted in state and hidden in output. */
export function wrapSecrets(props: Props, secretKeys: ReadonlySet<string>): Props {
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      secretKeys.has(k) && v !== undefined ? { [SIG_KEY]: SECRET_SIG, value: v } : v,
    ]),
  );
}
