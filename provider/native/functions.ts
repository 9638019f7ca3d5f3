import { instancesOf, quoteOf, skusOf, subscriptionsOf, validArgs } from '../resources/functions/data-functions';
import { getClient, getProviderConfig } from '../resources/core/runtime';
import { getQuoteArgsSchema } from '../schemas/resources/quote';
import { getInstancesArgsSchema, getSkusArgsSchema, getSubscriptionsArgsSchema } from '../schemas/resources/functions';
import type { Props } from './properties';

/** `koophone:index:getSkus` / `getInstances` / `getSubscriptions` / `getQuote`, on the provider's configured client. */
export async function invokeFunction(token: string, args: Props): Promise<Props> {
  switch (token) {
    case 'koophone:index:getSkus':
      return skusOf(getClient(), validArgs(token, getSkusArgsSchema, args));
    case 'koophone:index:getInstances':
      return instancesOf(getClient(), validArgs(token, getInstancesArgsSchema, args));
    case 'koophone:index:getSubscriptions':
      return await subscriptionsOf(getClient(), validArgs(token, getSubscriptionsArgsSchema, args));
    case 'koophone:index:getQuote':
      return await quoteOf(getClient(), getProviderConfig(), validArgs(token, getQuoteArgsSchema, args));
    default:
      throw new Error(`unknown function ${token}`);
  }
}
