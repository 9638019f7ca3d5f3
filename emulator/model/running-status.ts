/** running_status / status values (§4.1; 0–5 chosen over the P-2025 list, §7.1). */
export const RunningStatus = { UNKNOWN: 0, STOPPED: 1, RUNNING: 2, GOING_OFFLINE: 3, STARTING: 4, SHUT_DOWN: 5 } as const;
