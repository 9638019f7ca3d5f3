/** KooPhone and IAM wire shapes in the API's own spelling (see docs/api/endpoints.md#spelling). */
export * from './common';
export * from './iam';
export * from './instances';
export * from './assignments';
export * from './commands';
export * from './video';
export * from './skus';
export * from './streaming';
export * from './apps';
export * from './billing';
