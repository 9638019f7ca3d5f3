export { instanceProvider } from './instance';
export { userAssignmentProvider } from './user-assignment';
export { videoSettingProvider } from './video-setting';
export { PartialStateError } from './partial-state';
