/**
 * This module's exports ARE the dynamic provider (see ./instance.ts): the SDK passes the module object itself, so
 * state stores a small `require()` of this installed module instead of a copy of the code.
 */
import { instanceGroupProvider as provider } from '../resources/group/instance-group';

export const configure = provider.configure;
export const check = provider.check;
export const diff = provider.diff;
export const create = provider.create;
export const read = provider.read;
export const update = provider.update;
const deleteResource = provider.delete;
export { deleteResource as delete };
