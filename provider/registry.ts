/**
 * Every resource of the package, listed once: its name (the type token `koophone:index:<name>`), its zod schemas
 * (inputs; outputs beyond the echoed inputs; secrets are marked on the fields), its implementation, and the words
 * schema.json and the docs lead with. The dynamic modules (provider/dynamic/, generated from this list), the native
 * plugin (provider/native/resources.ts), schema.json, docs/ and the SDK's classes (sdk/generated/) all read it, so a
 * new resource is its own folder under provider/resources/ plus one entry here (CONTRIBUTING.md).
 */
import type * as dynamic from '@pulumi/pulumi/dynamic';
import type { z } from 'zod';
import { instanceGroupProvider } from './resources/group/instance-group';
import { instanceProvider } from './resources/instance/instance';
import { appInstallationProvider } from './resources/operations/app-installation';
import { phoneCommandProvider } from './resources/operations/phone-command';
import { phoneRebootProvider, phoneResetProvider } from './resources/operations/phone-power';
import { userAssignmentProvider } from './resources/operations/user-assignment';
import { videoSettingProvider } from './resources/operations/video-setting';
import { appInstallationInputsSchema, appInstallationStateSchema } from './schemas/resources/app-installation';
import { instanceInputsSchema, instanceStateSchema } from './schemas/resources/instance';
import {
  GROUP_NAME_PREFIX_MAX,
  instanceGroupInputsSchema,
  instanceGroupStateSchema,
} from './schemas/resources/instance-group';
import { phoneCommandInputsSchema, phoneCommandStateSchema } from './schemas/resources/phone-command';
import {
  phonePowerStateSchema,
  phoneRebootInputsSchema,
  phoneResetInputsSchema,
} from './schemas/resources/phone-power';
import { userAssignmentInputsSchema, userAssignmentStateSchema } from './schemas/resources/user-assignment';
import { videoSettingInputsSchema } from './schemas/resources/video-setting';

export interface RegisteredResource {
  /** The type name: `koophone:index:<name>` natively, `pulumi-nodejs:dynamic/koophone:<name>` as a dynamic resource. */
  name: string;
  /** One paragraph: the resource description in schema.json, the lead of its docs page and its SDK class's comment. */
  summary: string;
  /** Docs page file name under docs/. */
  page: string;
  inputs: z.ZodType;
  /** Output-only fields beyond the echoed inputs. */
  state?: z.ZodObject;
  /** The implementation both the dynamic resources and the native plugin run. */
  provider: dynamic.ResourceProvider;
  /**
   * `generated`: the SDK class is generated (sdk/generated/resources.ts) and registers the program's arguments as
   * they are, plus `resourceUrn` when the schema has it. `own`: a hand-written class in sdk/ adds what only it can
   * compute in the program (a create key, a default name prefix).
   */
  sdkClass: 'generated' | 'own';
  /** Longest default name prefix, for the resources that name phones (the SDK's default, from the resource name). */
  namePrefixMax?: number;
}

// Each implementation is typed for its own inputs; the list holds them side by side.
const untyped = (p: object) => p as dynamic.ResourceProvider;

export const RESOURCES: readonly RegisteredResource[] = [
  {
    name: 'Instance',
    summary:
      'One KooPhone cloud phone, bought as a yearly/monthly subscription (or taken over with `adoptInstanceId`). ' +
      'Every spec property replaces the phone when changed: the API cannot change an existing phone. Billing (auto-renew, ' +
      "renewals before expiry, the expiry policy) changes the existing subscription through Huawei Cloud's billing API. " +
      '`pulumi destroy` unsubscribes it.',
    page: 'instance.md',
    inputs: instanceInputsSchema,
    state: instanceStateSchema,
    provider: untyped(instanceProvider),
    sdkClass: 'own',
    namePrefixMax: 8,
  },
  {
    name: 'InstanceGroup',
    summary:
      'A fleet of identical KooPhone cloud phones (yearly/monthly subscriptions), bought in ceil(k/1500) orders rather ' +
      'than one per phone. Slots are stable: `instanceIds[i]` is the phone in slot i for the life of the group; a member ' +
      'lost out of band is re-bought into its slot, and shrinking unsubscribes the highest slots. Spec changes replace ' +
      'the group; billing changes apply to phones bought from then on and never replace a phone.',
    page: 'instance-group.md',
    inputs: instanceGroupInputsSchema,
    state: instanceGroupStateSchema,
    provider: untyped(instanceGroupProvider),
    sdkClass: 'own',
    namePrefixMax: GROUP_NAME_PREFIX_MAX,
  },
  {
    name: 'UserAssignment',
    summary:
      "Assigns a phone to a user of the tenant's KooPhone organisation. Changing the phone or the user replaces the " +
      "assignment (the old one is removed first), and removing an assignment WIPES that user's data on the phone.",
    page: 'user-assignment.md',
    inputs: userAssignmentInputsSchema,
    state: userAssignmentStateSchema,
    provider: untyped(userAssignmentProvider),
    sdkClass: 'generated',
  },
  // VideoSetting updates in place (provider/resources/operations/video-setting.ts diff lists no replaces).
  {
    name: 'VideoSetting',
    summary:
      'Bit rate and frame rate per network type, codec and definition for a set of phones. The API has no read for ' +
      'these settings, so drift is not detectable; deleting the resource restores the documented defaults.',
    page: 'video-setting.md',
    inputs: videoSettingInputsSchema,
    provider: untyped(videoSettingProvider),
    sdkClass: 'generated',
  },
  {
    name: 'AppInstallation',
    summary:
      'One APK on a set of phones, as declared state: installed on create (100 phones per call, tasks polled), read back ' +
      'per phone on refresh (a missing or other version is drift that `up` repairs only there), installed on phones ' +
      'added and uninstalled from phones removed, uninstalled on delete. `packageUrl` is stored as a secret.',
    page: 'app-installation.md',
    inputs: appInstallationInputsSchema,
    state: appInstallationStateSchema,
    provider: untyped(appInstallationProvider),
    sdkClass: 'generated',
  },
  {
    name: 'PhoneCommand',
    summary:
      'An ADB shell command run on a set of phones on create and again whenever `command`, `instanceIds`, `async` or ' +
      '`triggers` change; per-phone status and output (at most 1024 characters) are outputs. `deleteCommand` runs on delete.',
    page: 'phone-command.md',
    inputs: phoneCommandInputsSchema,
    state: phoneCommandStateSchema,
    provider: untyped(phoneCommandProvider),
    sdkClass: 'generated',
  },
  {
    name: 'PhoneReboot',
    summary:
      'Reboots a set of phones on create and whenever `instanceIds` or `triggers` change, and waits until they run again.',
    page: 'phone-reboot.md',
    inputs: phoneRebootInputsSchema,
    state: phonePowerStateSchema,
    provider: untyped(phoneRebootProvider),
    sdkClass: 'generated',
  },
  {
    name: 'PhoneReset',
    summary:
      'Factory-resets a set of phones — every app and all data WIPED — on create and whenever `instanceIds` or `triggers` ' +
      'change, and waits until they run again. Refused at preview unless `confirmDataLoss` is true.',
    page: 'phone-reset.md',
    inputs: phoneResetInputsSchema,
    state: phonePowerStateSchema,
    provider: untyped(phoneResetProvider),
    sdkClass: 'generated',
  },
];

export function registeredResource(name: string): RegisteredResource {
  const found = RESOURCES.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name} in provider/registry.ts`);
  return found;
}

/** The file name of a resource's dynamic module: provider/dynamic/<kebab-case name>.ts (`InstanceGroup` → `instance-group`). */
export const dynamicModuleName = (name: string) => name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();

/**
 * A resource's dynamic provider, as the exports of its module under provider/dynamic/: the SDK hands Pulumi that
 * module object itself, so the closure serializer stores a small `require()` of the installed module in state
 * instead of a copy of the code, and a new version of the package changes no resource's state. Only the methods the
 * implementation has: Pulumi's defaults apply to the others, as before.
 */
export function dynamicProviderModule(name: string): dynamic.ResourceProvider {
  const { configure, check, diff, create, read, update, delete: deleteResource } = registeredResource(name).provider;
  const methods = { configure, check, diff, create, read, update, delete: deleteResource };
  return Object.fromEntries(
    Object.entries(methods).filter(([, method]) => method !== undefined),
  ) as unknown as dynamic.ResourceProvider;
}
