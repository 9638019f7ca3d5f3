import type * as dynamic from '@pulumi/pulumi/dynamic';
import { nameOfUrn } from '../../common/urn';
import { describeError } from '../core/partial-state';

/**
 * No purchase while any check of the deployment fails (docs/costs-and-budgets.md). The engine checks each resource
 * as the program registers it and may start one resource's create before it has checked the next one (always with
 * `--skip-preview`), so a create waits until no check has run for a quiet period, and refuses when any KooPhone
 * check of this deployment (this provider process) failed. A check that fails after the purchase cannot be
 * waited for; the quiet period covers a program that registers its resources together.
 */

const DEFAULT_QUIET_MS = 2000;
const WAIT_STEP_MS = 100;

/** KOOPHONE_PURCHASE_QUIET_MS tunes the quiet period (tests); 2 s by default. */
export function purchaseQuietMs(): number {
  const fromEnv = Number(process.env.KOOPHONE_PURCHASE_QUIET_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : DEFAULT_QUIET_MS;
}

let checksRunning = 0;
let lastCheckAt = Number.NEGATIVE_INFINITY;
/** Resource (URN, or a stand-in) → why its latest check failed. A later passing check of it clears it. */
const failedChecks = new Map<string, string>();

/** A purchase refused because another resource of the deployment failed its check: nothing was bought. */
export class PurchaseRefusedError extends Error {
  override name = 'PurchaseRefusedError';
}

function record(urn: string | undefined, failures: readonly dynamic.CheckFailure[] | undefined): void {
  const key = urn ?? '(a resource without a URN)';
  if (failures && failures.length > 0) {
    failedChecks.set(key, failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join('; '));
  } else failedChecks.delete(key);
}

type CheckFn<T> = (olds: T, news: T) => Promise<dynamic.CheckResult<T>>;

/** Wraps a provider's `check` so that the gate knows when checks run and which failed. */
export function gatedCheck<T>(check: CheckFn<T>): CheckFn<T> {
  return async (olds, news) => {
    checksRunning++;
    lastCheckAt = Date.now();
    const urn = (news as { resourceUrn?: unknown } | undefined)?.resourceUrn;
    const key = typeof urn === 'string' ? urn : undefined;
    try {
      const result = await check(olds, news);
      record(key, result.failures);
      return result;
    } catch (err) {
      record(key, [{ property: '', reason: describeError(err) }]);
      throw err;
    } finally {
      checksRunning--;
      lastCheckAt = Date.now();
    }
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until no check has run for the quiet period, then throws PurchaseRefusedError when any check of this
 * deployment failed. Call it right before an order is placed; `what` names the purchase in the message.
 */
export async function clearToBuy(what: string, quietMs = purchaseQuietMs()): Promise<void> {
  while (checksRunning > 0 || Date.now() - lastCheckAt < quietMs) await sleep(WAIT_STEP_MS);
  if (failedChecks.size === 0) return;
  const [urn, reason] = [...failedChecks][0];
  const others = failedChecks.size > 1 ? ` (and ${failedChecks.size - 1} more)` : '';
  throw new PurchaseRefusedError(
    `${what} was not bought: ${nameOfUrn(urn)} failed its check in this deployment${others} (${reason}), and no phone ` +
      'is bought while any check fails. Nothing was bought; fix the failing resource and run `pulumi up` again.',
  );
}

/** For tests: forget every check. */
export function resetPurchaseGate(): void {
  checksRunning = 0;
  lastCheckAt = Number.NEGATIVE_INFINITY;
  failedChecks.clear();
}
