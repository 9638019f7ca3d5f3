export * from './common';
export * from './instance';
export * from './instance-group';
export * from './user-assignment';
export * from './video-setting';
export * from './provider-config';
