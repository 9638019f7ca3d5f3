/**
 * Thrown when a resource exists but could not be finished (e.g. a phone was bought but did not start in time).
 * The dynamic-provider host turns an error carrying `id` into ErrorResourceInitFailed, so the engine keeps the
 * resource — and the money spent on it — in state, and the next `up` resumes it through `update` instead of
 * buying again.
 */
export class PartialStateError extends Error {
  override name = 'PartialStateError';
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    reason: string,
  ) {
    super(reason);
  }
  get reasons(): string[] {
    return [this.message];
  }
}

/** A short description of an unknown error, without assuming its type. */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
