import type { z } from 'zod';
import { instancesOf, quoteOf, skusOf, subscriptionsOf } from '../resources/data-functions';
import { getClient, getProviderConfig } from '../resources/runtime';
import { getQuoteArgsSchema } from '../schemas/resources/quote';
import { getInstancesArgsSchema, getSkusArgsSchema, getSubscriptionsArgsSchema } from '../schemas/resources/functions';
import type { Props } from './properties';

/** Validates an invoke's arguments; the error names every bad field, like the SDK's data functions. */
function argsOf<S extends z.ZodType>(token: string, schema: S, args: Props): z.output<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(arguments)'}: ${i.message}`);
  throw new Error(`${token}: invalid arguments: ${problems.join('; ')}`);
}

/** `koophone:index:getSkus` / `getInstances` / `getSubscriptions` / `getQuote`, on the provider's configured client. */
export async function invokeFunction(token: string, args: Props): Promise<Props> {
  switch (token) {
    case 'koophone:index:getSkus':
      return skusOf(getClient(), argsOf(token, getSkusArgsSchema, args));
    case 'koophone:index:getInstances':
      return instancesOf(getClient(), argsOf(token, getInstancesArgsSchema, args));
    case 'koophone:index:getSubscriptions':
      return await subscriptionsOf(getClient(), argsOf(token, getSubscriptionsArgsSchema, args));
    case 'koophone:index:getQuote':
      return await quoteOf(getClient(), getProviderConfig(), argsOf(token, getQuoteArgsSchema, args));
    default:
      throw new Error(`unknown function ${token}`);
  }
}
