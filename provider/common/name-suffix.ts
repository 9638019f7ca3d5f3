import { NAME_PREFIX_MAX } from '../schemas/resources/instance';

/**
 * Shared by the SDK (deterministic createKey from a hash) and the provider (random suffixes): the one alphabet of
 * every name-prefix suffix. provider/common/ holds what both sides need; it imports only provider/schemas/.
 */

/** Lower-case letters and digits, one per byte: the alphabet of every name-prefix suffix (random or createKey). */
export function suffixFromBytes(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Default name prefix from the resource name: letters and digits only, at most the allowed length. */
export function defaultNamePrefix(resourceName: string): string {
  const cleaned = resourceName.replace(/[^a-z0-9]/gi, '').replace(/^[0-9]+/, '');
  return (cleaned || 'kp').slice(0, NAME_PREFIX_MAX).toLowerCase();
}
