import * as pulumi from '@pulumi/pulumi';

/**
 * The property bag a dynamic resource registers: every output name (so that each becomes an Output, also those the
 * program leaves unset) plus what the program and the SDK set.
 */
export function registeredProps(outputNames: readonly string[], props: object): Record<string, unknown> {
  return { ...Object.fromEntries(outputNames.map((n) => [n, undefined])), ...props };
}

/**
 * The URN the engine gives a dynamic resource of this package (`pulumi-nodejs:dynamic/koophone:<Type>`): the
 * provider puts its progress lines and warnings beside the resource with it.
 */
export function resourceUrnOf(name: string, type: string, opts?: pulumi.CustomResourceOptions): pulumi.Output<string> {
  return pulumi.createUrn(name, `pulumi-nodejs:dynamic/koophone:${type}`, opts?.parent);
}
