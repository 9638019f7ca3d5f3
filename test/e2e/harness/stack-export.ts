/** The parts of `pulumi stack export` (deployment format version 3) the tests read. */
export interface StackExport {
  version: number;
  deployment: {
    manifest?: { version?: string };
    resources?: ExportedResource[];
  };
}

export interface ExportedResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  provider?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The resources of an export, without the stack itself and the provider resources. */
export function managedResources(exported: StackExport): ExportedResource[] {
  return (exported.deployment.resources ?? []).filter(
    (r) => r.type !== 'pulumi:pulumi:Stack' && !r.type.startsWith('pulumi:providers:'),
  );
}
