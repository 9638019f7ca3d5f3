/**
 * Consecutive chunks of at most `size` items, in order: how every list endpoint's per-call limit is met (ids per
 * delete or task call, subscriptions per billing query, phones per order). The one chunking loop of the provider.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
