/**
 * batch-query's `running_status` in words for outputs (docs/api/endpoints.md#running-status): a person reading
 * `pulumi stack output` sees `running`, not `2`.
 */
export const RUNNING_STATUS_WORDS = [
  'unknown',
  'stopped',
  'running',
  'going-offline',
  'starting',
  'shut-down',
] as const;
export type RunningStatusWord = (typeof RUNNING_STATUS_WORDS)[number];

/** The word for a status code; a code the API does not document (or none) is `unknown`. */
export function runningStatusWord(code: number | null | undefined): RunningStatusWord {
  return (code !== null && code !== undefined && RUNNING_STATUS_WORDS[code]) || 'unknown';
}
