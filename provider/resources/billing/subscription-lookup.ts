import type { KooPhoneClient } from '../../client';
import { subscriptionOutputs, type SubscriptionOutputs } from '../../common/subscription-outputs';

/**
 * Subscription looks shared between resources: the engine diffs many Instances at once, and each with
 * `renewBeforeDays` needs its live expiry. Ids asked for within a few milliseconds go out together, in the
 * client's ≤ 50-id queries, instead of one billing call per phone.
 */
const GATHER_MS = 25;

/** These resources' subscriptions by id, in the client's queries of ≤ 50 ids; one without a subscription is absent. */
export async function subscriptionsByIds(
  client: KooPhoneClient,
  ids: readonly string[],
): Promise<Map<string, SubscriptionOutputs>> {
  return new Map((await client.billing.querySubscriptions(ids)).map((r) => [r.resource_id, subscriptionOutputs(r)]));
}

export class SubscriptionLookup {
  private waiting = new Map<string, Array<(sub: SubscriptionOutputs | undefined) => void>>();
  private failures = new Map<string, Array<(err: unknown) => void>>();
  private scheduled = false;

  constructor(private readonly client: KooPhoneClient) {}

  /** The phone's subscription now (undefined: it has none). */
  get(instanceId: string): Promise<SubscriptionOutputs | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.set(instanceId, [...(this.waiting.get(instanceId) ?? []), resolve]);
      this.failures.set(instanceId, [...(this.failures.get(instanceId) ?? []), reject]);
      if (!this.scheduled) {
        this.scheduled = true;
        // A short gather window: the engine's reads of one refresh arrive over a few milliseconds, not in one turn.
        setTimeout(() => void this.flush(), GATHER_MS);
      }
    });
  }

  private async flush(): Promise<void> {
    const waiting = this.waiting;
    const failures = this.failures;
    this.waiting = new Map();
    this.failures = new Map();
    this.scheduled = false;
    try {
      const byId = await subscriptionsByIds(this.client, [...waiting.keys()]);
      for (const [id, resolvers] of waiting) for (const resolve of resolvers) resolve(byId.get(id));
    } catch (err) {
      for (const rejecters of failures.values()) for (const reject of rejecters) reject(err);
    }
  }
}

const lookups = new WeakMap<KooPhoneClient, SubscriptionLookup>();

/** One shared lookup per client (the provider host has one client per configuration). */
export function subscriptionLookup(client: KooPhoneClient): SubscriptionLookup {
  let lookup = lookups.get(client);
  if (!lookup) {
    lookup = new SubscriptionLookup(client);
    lookups.set(client, lookup);
  }
  return lookup;
}
