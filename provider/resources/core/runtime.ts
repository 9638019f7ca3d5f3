import type * as dynamic from '@pulumi/pulumi/dynamic';
import { KooPhoneClient, type SkuCatalogue } from '../../client';
import { clientOptionsFrom, readProviderConfig, type ConfigLookup } from '../../config';
import type { ProviderConfig } from '../../schemas/resources/provider-config';
import { AssignmentBatcher } from '../batching/assignment-batcher';
import { DeleteBatcher } from '../batching/delete-batcher';
import { InstanceDirectory } from '../batching/instance-directory';
import { engineAddress } from './progress';
import { exitWhenEngineGone } from '../../common/engine-watch';
import { resetMoneyGuard } from '../purchase/money-guard';
import { resetPurchaseGate } from '../purchase/purchase-gate';

/**
 * Process-wide state of the dynamic provider. The engine runs every dynamic resource of a deployment in one
 * `pulumi-nodejs` provider process, so one client, one instance directory (coalesced batch-query reads) and
 * one set of pollers serve all resources. Credentials live only here, read in `configure()` and the
 * environment — never on the provider objects, which are serialized into state.
 */
let lookup: ConfigLookup = () => undefined;
let client: KooPhoneClient | undefined;
let directory: InstanceDirectory | undefined;
let catalogue: Promise<SkuCatalogue> | undefined;
let deleteBatcher: DeleteBatcher | undefined;
let assignmentBatcher: AssignmentBatcher | undefined;

export async function configureRuntime(req: dynamic.ConfigureRequest): Promise<void> {
  lookup = (key) => req.config.get(key);
  // In the dynamic-provider process: end it when the engine is killed, instead of running on for ever.
  const engine = engineAddress();
  if (engine) exitWhenEngineGone(engine);
  // A later configure (another resource type's provider) sees the same stack config: keep the client.
}

/**
 * The native plugin's Configure hands over the engine's `koophone:*` variables here (the dynamic host calls
 * configureRuntime instead); the next client is built from them.
 */
export function setConfigLookup(next: ConfigLookup): void {
  lookup = next;
}

/** The stack's `koophone:*` config (budgets, region); an invalid value fails here, naming the key. */
export function getProviderConfig(): ProviderConfig {
  return readProviderConfig(lookup);
}

/** The configured client; a missing credential fails here, with the config key and variable named. */
export function getClient(): KooPhoneClient {
  client ??= new KooPhoneClient(clientOptionsFrom(readProviderConfig(lookup)));
  return client;
}

export function getDirectory(): InstanceDirectory {
  directory ??= new InstanceDirectory(() => getClient().listAllInstances(), pollIntervalMs());
  return directory;
}

/** Deletes of one deployment step go out together, ≤ 100 ids per call. */
export function getDeleteBatcher(): DeleteBatcher {
  deleteBatcher ??= new DeleteBatcher((ids) => getClient().deleteInstances(ids));
  return deleteBatcher;
}

/** Assigns (and unassigns) of one deployment step go out together, ≤ 100 pairs per call. */
export function getAssignmentBatcher(): AssignmentBatcher {
  assignmentBatcher ??= new AssignmentBatcher({
    assign: (pairs) => getClient().assignInstances(pairs),
    unassign: (pairs) => getClient().unassignInstances(pairs),
  });
  return assignmentBatcher;
}

/**
 * The SKU catalogue, read once per provider process (one deployment): every resource's preview check shares it.
 * A failed read is forgotten so the next check tries again.
 */
export function getSkuCatalogue(): Promise<SkuCatalogue> {
  if (!catalogue) {
    const pending = Promise.resolve().then(() => getClient().listSkus());
    catalogue = pending;
    pending.catch(() => {
      if (catalogue === pending) catalogue = undefined;
    });
  }
  return catalogue;
}

/** Poll interval for provisioning/deletion waits; KOOPHONE_POLL_INTERVAL_MS tunes it (tests use a short one). */
export function pollIntervalMs(): number {
  const fromEnv = Number(process.env.KOOPHONE_POLL_INTERVAL_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 5000;
}

/** For tests that run providers in-process against several emulators. */
export function resetRuntime(nextLookup: ConfigLookup = () => undefined): void {
  lookup = nextLookup;
  void client?.close();
  client = undefined;
  directory = undefined;
  catalogue = undefined;
  deleteBatcher = undefined;
  assignmentBatcher = undefined;
  // A new runtime is a new deployment: its plan and checks start empty.
  resetMoneyGuard();
  resetPurchaseGate();
}
