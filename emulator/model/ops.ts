/**
 * Operation names of the emulator. They name every endpoint for fault injection and request counters
 * (the `<op>` names of the control plane, emulator/README.md) and appear in 501 / error messages.
 */
export const KOOPHONE_OPS = [
  'sync-command',
  'async-command',
  'tasks',
  'video-setting',
  'batch-query-status',
  'batch-reset',
  'auth',
  'assign',
  'unassign',
  'batch-query',
  'reboot',
  'sku',
  'create',
  'delete',
  'prepare',
  'prepare-progress',
  'backup',
  'app-install',
  // SDK-only endpoints (docs/api/wire-fidelity.md).
  'app-list',
  'session-release',
  'streaming-stop',
] as const;

/** iam-projects is GET /v3/auth/projects; iam-project-lookup is GET /v3/projects?name= (the SDK's project id lookup). */
export const IAM_OPS = ['iam-tokens', 'iam-projects', 'iam-project-lookup'] as const;

/** Huawei Cloud billing (BSS) calls on subscriptions, served on the same origin (docs/api/billing.md). */
export const BSS_OPS = [
  'bss-query',
  'bss-renew',
  'bss-autorenew-on',
  'bss-autorenew-off',
  'bss-to-on-demand',
  // Price inquiry of yearly/monthly products (ListRateOnPeriodDetail).
  'bss-rate',
] as const;

export const ALL_OPS = [...KOOPHONE_OPS, ...IAM_OPS, ...BSS_OPS] as const;

export type KooPhoneOp = (typeof KOOPHONE_OPS)[number];
export type IamOp = (typeof IAM_OPS)[number];
export type BssOp = (typeof BSS_OPS)[number];
export type Op = (typeof ALL_OPS)[number];

export function isOp(value: unknown): value is Op {
  return typeof value === 'string' && (ALL_OPS as readonly string[]).includes(value);
}
