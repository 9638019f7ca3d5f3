import type * as pulumi from '@pulumi/pulumi';

/** Every property may be a plain value or an Output of another resource, one level deep like Pulumi SDKs. */
export type Inputify<T> = { [K in keyof T]: pulumi.Input<T[K]> };
