/** running_status / status values (docs/api/endpoints.md#running-status; 0–5 chosen over the 2025-10 page's list, docs/api/ambiguities.md#a1). */
export const RunningStatus = {
  UNKNOWN: 0,
  STOPPED: 1,
  RUNNING: 2,
  GOING_OFFLINE: 3,
  STARTING: 4,
  SHUT_DOWN: 5,
} as const;
