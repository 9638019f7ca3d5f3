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

/** What a class of the package registers besides the program's arguments, read from its generated names. */
export interface RegisteredNames {
  /** Every output property (`<name>OutputNames`). */
  outputs: readonly string[];
  /** Properties marked secret (`<name>SecretNames`): secret in state whether or not the program made them one. */
  secrets?: readonly string[];
}

/**
 * The property bag and options of a class generated from provider/registry.ts: the program's arguments, its secret
 * inputs made secret, and `resourceUrn` when the resource reports progress beside itself (its schema has the field).
 */
export function registration(
  type: string,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions | undefined,
  names: RegisteredNames,
): { props: Record<string, unknown>; opts: pulumi.CustomResourceOptions | undefined } {
  const secrets = names.secrets ?? [];
  const given = args as Record<string, unknown>;
  const secretArgs = Object.fromEntries(
    secrets.filter((k) => given[k] !== undefined).map((k) => [k, pulumi.secret(given[k])]),
  );
  const urn = names.outputs.includes('resourceUrn') ? { resourceUrn: resourceUrnOf(name, type, opts) } : {};
  return {
    props: registeredProps(names.outputs, { ...args, ...secretArgs, ...urn }),
    opts:
      secrets.length === 0
        ? opts
        : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] },
  };
}
