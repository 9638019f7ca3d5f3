import { createHash } from 'node:crypto';
import { suffixFromBytes } from '../common/name-suffix';
import { NAME_SUFFIX_LENGTH } from '../schemas/resources/instance';

/**
 * A stable 5-character key for one resource, from its URN: the SDK computes the dynamic resources' keys from the
 * project, stack, parent and name, which is what a URN spells too. The same URN always gives the same key, so phones
 * ordered by an interrupted `up` carry names the next `up` finds again.
 */
export function createKeyOf(urn: string): string {
  const digest = createHash('sha256').update(`koophone-native:${urn}`).digest();
  return suffixFromBytes(digest.subarray(0, NAME_SUFFIX_LENGTH));
}
