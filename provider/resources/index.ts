export { instanceProvider } from './instance';
export { instanceGroupProvider } from './instance-group';
export { userAssignmentProvider } from './user-assignment';
export { videoSettingProvider } from './video-setting';
export { PartialStateError } from './partial-state';
