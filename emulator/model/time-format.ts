const formatted = new Map<number, string>();

/** `YYYY-MM-DD HH:mm:ss` in UTC: the format of batch-query backup_time/restore_time and query_*_time (docs/api/endpoints.md#batch-query). */
export function formatQueryTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    // batch-query formats the same few timestamps over and over; a bounded memo keeps pages cheap.
    if (formatted.size >= 10_000) formatted.clear();
    text = new Date(second * 1000).toISOString().slice(0, 19).replace('T', ' ');
    formatted.set(second, text);
  }
  return text;
}

const QUERY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DD HH:mm:ss` (UTC); undefined when malformed or not a real date. */
export function parseQueryTime(text: string): number | undefined {
  const m = QUERY_TIME.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return formatQueryTime(ms) === text ? ms : undefined;
}

/** IAM timestamps carry microseconds: `2019-02-13T06:52:13.855000Z` (docs/api/endpoints.md#iam-token). */
export function formatIamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
