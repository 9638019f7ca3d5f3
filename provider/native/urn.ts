import { createHash } from 'node:crypto';
import { suffixFromBytes } from '../common/name-suffix';
import { NAME_SUFFIX_LENGTH } from '../schemas/resources/instance';

/** The resource name at the end of a URN (`urn:pulumi:stack::project::type::name`). */
export function nameOfUrn(urn: string): string {
  const parts = urn.split('::');
  return parts.slice(3).join('::');
}

/** The resource type token of a URN, without its parents' types (`koophone:index:Instance`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split('::')[2] ?? '';
  return qualified.split('$').pop() ?? '';
}

/**
 * A stable 5-character key for one resource, from its URN: the SDK computes the dynamic resources' keys from the
 * project, stack, parent and name, which is what a URN spells too. The same URN always gives the same key, so phones
 * ordered by an interrupted `up` carry names the next `up` finds again.
 */
export function createKeyOf(urn: string): string {
  const digest = createHash('sha256').update(`koophone-native:${urn}`).digest();
  return suffixFromBytes(digest.subarray(0, NAME_SUFFIX_LENGTH));
}
