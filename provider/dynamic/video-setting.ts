/**
 * This module's exports ARE the dynamic provider: the SDK passes the module object itself, so Pulumi's closure
 * serializer stores it in state as a small `require()` of this installed module instead of a copy of the code.
 */
import { videoSettingProvider as provider } from '../resources/operations/video-setting';

export const configure = provider.configure;
export const check = provider.check;
export const diff = provider.diff;
export const create = provider.create;
export const read = provider.read;
export const update = provider.update;
const deleteResource = provider.delete;
export { deleteResource as delete };
