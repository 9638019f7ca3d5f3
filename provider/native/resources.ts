import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as dynamic from '@pulumi/pulumi/dynamic';
import { defaultNamePrefix } from '../common/name-suffix';
import { RESOURCES } from '../registry';
import { importGroup, importInstance, type ImportedResource } from './import-read';
import { previewGroupUpdate, previewInstanceUpdate, previewOtherUpdate } from './preview';
import type { Props } from './properties';

/** The package's schema: at the repository root, beside dist/ (also in the plugin tarball); two levels up from sources. */
export const SCHEMA_PATH =
  [path.resolve(__dirname, '..', '..', '..', 'schema.json'), path.resolve(__dirname, '..', '..', 'schema.json')].find(
    (p) => fs.existsSync(p),
  ) ?? path.resolve(__dirname, '..', '..', '..', 'schema.json');

interface SchemaResource {
  inputProperties?: Record<string, unknown>;
  properties?: Record<string, { secret?: boolean }>;
}
interface PackageSchema {
  name: string;
  version: string;
  resources: Record<string, SchemaResource>;
}

let schemaText: string | undefined;
export function schemaJson(): string {
  schemaText ??= fs.readFileSync(SCHEMA_PATH, 'utf8');
  return schemaText;
}
export const packageSchema = (): PackageSchema => JSON.parse(schemaJson()) as PackageSchema;

/** One resource type served by the plugin: the same provider object the dynamic resources use, plus what only the native way in needs. */
export interface NativeResource {
  provider: dynamic.ResourceProvider<Props, Props>;
  /** Input properties (schema `inputProperties`). */
  inputNames: readonly string[];
  /** Every property the resource reports (schema `properties`). */
  outputNames: readonly string[];
  /** Properties the schema marks secret (a signed URL): always sent back to the engine as secrets. */
  secretNames: readonly string[];
  /** Inputs the SDK sets for dynamic resources (createKey, resourceUrn): here they come from the URN. */
  fromUrn: readonly string[];
  /** Longest default name prefix, for the resources that name phones (the SDK's default, from the resource name). */
  namePrefixMax?: number;
  previewUpdate(olds: Props, news: Props): Props;
  /** Import by id with nothing in state; the default reads the provider with no props. */
  importRead?(id: string, urn: string): Promise<ImportedResource | undefined>;
}

// The shared implementations are typed for their own inputs; the plugin hands them the engine's property bags.
const loose = (p: object) => p as dynamic.ResourceProvider<Props, Props>;

/** What only the native way in adds to a resource of provider/registry.ts (the others get the defaults). */
const NATIVE_ONLY: Record<string, Pick<NativeResource, 'previewUpdate' | 'importRead'>> = {
  Instance: { previewUpdate: previewInstanceUpdate, importRead: (id) => importInstance(id) },
  InstanceGroup: { previewUpdate: previewGroupUpdate, importRead: (id, urn) => importGroup(id, urn) },
};

let registry: Map<string, NativeResource> | undefined;

/** Every resource type by token (`koophone:index:<Name>`), its property names read from schema.json. */
export function nativeResources(): Map<string, NativeResource> {
  if (registry) return registry;
  const schema = packageSchema();
  registry = new Map();
  for (const { name, provider, namePrefixMax } of RESOURCES) {
    const token = `${schema.name}:index:${name}`;
    const native = NATIVE_ONLY[name];
    const entry = schema.resources[token];
    if (!entry) throw new Error(`schema.json has no resource ${token}`);
    const inputNames = Object.keys(entry.inputProperties ?? {});
    const outputNames = Object.keys(entry.properties ?? {});
    registry.set(token, {
      provider: loose(provider),
      namePrefixMax,
      importRead: native?.importRead,
      inputNames,
      outputNames,
      secretNames: Object.entries(entry.properties ?? {})
        .filter(([, p]) => p.secret === true)
        .map(([k]) => k),
      fromUrn: ['createKey', 'resourceUrn'].filter((k) => outputNames.includes(k)),
      previewUpdate: native?.previewUpdate ?? ((olds, news) => previewOtherUpdate(olds, news, inputNames, outputNames)),
    });
  }
  return registry;
}

/** The default name prefix a program gets without one: the SDK's rule, on the name in the URN. */
export function namePrefixDefault(resource: NativeResource, name: string): string | undefined {
  return resource.namePrefixMax === undefined ? undefined : defaultNamePrefix(name).slice(0, resource.namePrefixMax);
}
