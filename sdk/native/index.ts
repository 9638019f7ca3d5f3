/**
 * The native flavour of the SDK (`import * as koophone from 'pulumi-koophone/native'`): the same classes, arguments
 * and outputs as the default (dynamic) export, registered as real `koophone:index:*` resources of the
 * `pulumi-resource-koophone` plugin. Previews then show computed outputs (no phantom replacements of dependents),
 * and `pulumi import` works. When to use which: docs/native-provider.md.
 */
import type * as pulumi from '@pulumi/pulumi';
import type * as types from '../generated/types';
import { PLUGIN_VERSION, invokeNative } from './native-resource';

export { PLUGIN_VERSION };
// Every resource of provider/registry.ts, as a class of the plugin's: generated.
export * from '../generated/native-resources';
export type {
  GetInstancesArgs,
  GetInstancesResult,
  GetSkusArgs,
  GetSkusResult,
  GetSubscriptionsArgs,
  GetSubscriptionsResult,
  GetQuoteArgs,
  GetQuoteResult,
} from '../generated/types';

/** The saleable SKUs, served by the plugin. */
export const getSkus = (args: types.GetSkusArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<types.GetSkusResult>('getSkus', args, opts);
/** The account's phones, served by the plugin. */
export const getInstances = (args: types.GetInstancesArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<types.GetInstancesResult>('getInstances', args, opts);
/** The phones' subscriptions, served by the plugin. */
export const getSubscriptions = (args: types.GetSubscriptionsArgs = {}, opts?: pulumi.InvokeOptions) =>
  invokeNative<types.GetSubscriptionsResult>('getSubscriptions', args, opts);
/** The list price of `count` phones of a spec for one period, served by the plugin; nothing is bought. */
export const getQuote = (args: types.GetQuoteArgs, opts?: pulumi.InvokeOptions) =>
  invokeNative<types.GetQuoteResult>('getQuote', args, opts);
