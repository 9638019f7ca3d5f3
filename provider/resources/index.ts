export { instanceProvider } from './instance';
export { instanceGroupProvider } from './instance-group';
export { userAssignmentProvider } from './user-assignment';
export { videoSettingProvider } from './video-setting';
export { PartialStateError } from './partial-state';
export { appInstallationProvider } from './app-installation';
export { phoneCommandProvider } from './phone-command';
export { phoneRebootProvider, phoneResetProvider } from './phone-power';
