import { UNKNOWN_VALUE } from '../resources/check-inputs';

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
