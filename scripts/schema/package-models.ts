import {
  providerConfigKeys,
  providerConfigSchema,
  type ProviderConfigKey,
} from '../../provider/schemas/resources/provider-config';
import { FUNCTIONS, NAMED_TYPES, RESOURCES, type FunctionEntry, type ResourceEntry } from './catalogue';
import { objectModel, reachableTypes, type NamedType, type ObjectModel, type PropertyModel } from './property-model';

/** The models of every resource, function, nested type and config key: the input of both renderers. */

export interface ResourceModel {
  entry: ResourceEntry;
  inputs: ObjectModel;
  outputs: ObjectModel;
  types: NamedType[];
}

export interface FunctionModel {
  entry: FunctionEntry;
  args: ObjectModel;
  result: ObjectModel;
  types: NamedType[];
}

export interface ConfigModel {
  key: ProviderConfigKey;
  property: PropertyModel;
  env: readonly string[];
  secret: boolean;
}

export function resourceModel(entry: ResourceEntry): ResourceModel {
  const common = { namedTypes: NAMED_TYPES };
  const inputs = objectModel(entry.inputs, { ...common, io: 'input', omitSetByProvider: true });
  const echoed = objectModel(entry.inputs, { ...common, io: 'output' });
  const state = entry.state ? objectModel(entry.state, { io: 'output', namedTypes: NAMED_TYPES }) : { properties: [] };
  const outputs = { properties: [...echoed.properties, ...state.properties] };
  return { entry, inputs, outputs, types: reachableTypes([inputs, outputs], NAMED_TYPES, 'input') };
}

export function functionModel(entry: FunctionEntry): FunctionModel {
  const args = objectModel(entry.args, { io: 'input', namedTypes: NAMED_TYPES });
  const result = objectModel(entry.result, { io: 'output', namedTypes: NAMED_TYPES });
  return { entry, args, result, types: reachableTypes([args, result], NAMED_TYPES, 'output') };
}

/** Config keys: type and constraints from providerConfigSchema, words and environment from providerConfigKeys. */
export function configModels(): ConfigModel[] {
  const { properties } = objectModel(providerConfigSchema, { io: 'input', namedTypes: NAMED_TYPES });
  return properties.map((property) => {
    const key = property.name as ProviderConfigKey;
    const info = providerConfigKeys[key];
    if (!info) throw new Error(`providerConfigSchema has ${key}, which providerConfigKeys does not describe`);
    return { key, property: { ...property, description: info.description }, env: info.env, secret: info.secret };
  });
}

export interface PackageModels {
  resources: ResourceModel[];
  functions: FunctionModel[];
  config: ConfigModel[];
}

export function packageModels(): PackageModels {
  return { resources: RESOURCES.map(resourceModel), functions: FUNCTIONS.map(functionModel), config: configModels() };
}
