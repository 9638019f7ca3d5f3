/**
 * Reading Pulumi URNs (`urn:pulumi:stack::project::type::name`): the native plugin names phones after a resource's
 * name, and the resources name a resource in their messages. Shared by provider/native and provider/resources.
 */

/** The resource name at the end of a URN (everything after its third `::`, so a name may itself hold `::`). */
export function nameOfUrn(urn: string): string {
  const parts = urn.split('::');
  return parts.slice(3).join('::');
}

/** The resource type token of a URN, without its parents' types (`koophone:index:Instance`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split('::')[2] ?? '';
  return qualified.split('$').pop() ?? '';
}
