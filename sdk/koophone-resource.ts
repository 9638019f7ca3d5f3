import * as pulumi from '@pulumi/pulumi';

/**
 * The base of every resource class of this package (the generated `<Name>Properties` classes extend it).
 *
 * Pulumi's Node SDK wraps each registered property in four promises and captures a formatted stack trace for each,
 * kept only for its promise-leak report. An Instance registers ~40 properties, so the captures dominated a
 * program's run: 200 Instances took 3.8 s to register (0.5 s without, `make bench`), and the engine had nothing to
 * deploy meanwhile. They are turned off for the registration only; the resource's own source position, which Pulumi
 * records in state, raises the limit itself and is unaffected.
 */
export abstract class KoophoneResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
    module?: string,
    type?: string,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(provider, name, props, opts, module, type);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
