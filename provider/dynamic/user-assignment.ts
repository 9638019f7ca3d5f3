/**
 * This module's exports ARE the dynamic provider: the SDK passes the module object itself, so Pulumi's closure
 * serializer stores it in state as a small `require()` of this installed module instead of a copy of the code.
 */
import { userAssignmentProvider as provider } from '../resources/operations/user-assignment';

export const configure = provider.configure;
export const check = provider.check;
export const diff = provider.diff;
export const create = provider.create;
export const read = provider.read;
// No update: every UserAssignment change replaces it (unassign, then assign), so the engine never calls one.
const deleteResource = provider.delete;
export { deleteResource as delete };
