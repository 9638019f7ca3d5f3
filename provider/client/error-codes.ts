/**
 * What every documented KooPhone error code means and what to do about it (docs/api/endpoints.md#errors), plus how the client
 * treats it. Meanings marked unclear in docs/api/endpoints.md#errors are guesses; their explanations stay generic on purpose (docs/api/ambiguities.md#a18).
 *
 * The emulator keeps its own table (emulator/model/error-codes.ts) on purpose: written independently from the same
 * documents, it catches the client's mistakes instead of sharing them. provider/client/error-codes-agree.test.ts
 * checks that the two tables know the same codes with the same HTTP statuses.
 */

/** How a code is surfaced: which error subclass, and whether the transport may retry it on an idempotent call. */
export type ErrorCategory =
  | 'not-found'
  | 'pay-per-use'
  | 'rate-limited'
  | 'auth'
  | 'invalid-argument'
  /** Transient state of the instance (being restored / backed up): retried with backoff. */
  | 'busy'
  /** Server-side failure: retried on idempotent calls, "outcome unknown" on create/delete. */
  | 'server'
  | 'other';

export interface CodeInfo {
  readonly category: ErrorCategory;
  readonly explanation: string;
}

/** A documented code: also the HTTP status the API answers it with (most business errors come with 200). */
interface DocumentedCode extends CodeInfo {
  readonly httpStatus: number;
  /** Where an endpoint's page gives the code another status (docs/api/ambiguities.md#a4), by operation name. */
  readonly httpStatusByOp?: Readonly<Record<string, number>>;
}

const RETRY_LATER =
  'The client already retried with backoff; if it persists, retry later or contact Huawei Cloud support.';

/** Keyed by the numeric part of `KOOPHONE.API.nnnn` (also `KooPhone.API.`, `KP.API.`, `KPAPI.`, docs/api/ambiguities.md#a5). */
const KOOPHONE_CODES: Readonly<Record<string, DocumentedCode>> = {
  '0000': {
    httpStatus: 200,
    category: 'auth',
    explanation:
      'KooPhone does not know this tenant (account). Check that the account has subscribed to KooPhone and that the credentials belong to it.',
  },
  '0001': {
    httpStatus: 200,
    category: 'other',
    explanation:
      'The x-tenant-id header, normally added by the API gateway, is missing. Call the official endpoint with a project-scoped token or AK/SK signature.',
  },
  '0002': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'The x-request-id header is missing. This is a client bug; please report it.',
  },
  '0003': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation: 'The x-request-id header is not valid. This is a client bug; please report it.',
  },
  '0004': {
    httpStatus: 200,
    category: 'auth',
    explanation:
      'The project does not exist. Check the configured project name (koophone:region) or project id against IAM (My Credentials > Projects).',
  },
  '0005': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'A required request header is missing. This is a client bug; please report it.',
  },
  '1000': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation:
      'A request parameter is wrong. Check types, lengths and ranges (instance ids ≤ 32 chars, at most 100 per call).',
  },
  '1001': {
    httpStatus: 401,
    category: 'auth',
    explanation:
      'No permission on the instance: it does not belong to this account/project, or the IAM user lacks KooPhone rights. Check the instance ids and grant "KooPhone Administrator" (or the koophone:cloudphoneResource:* actions).',
  },
  '1002': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation: 'The instances are in different regions. Send one request per region.',
  },
  '1003': {
    httpStatus: 401,
    category: 'auth',
    explanation:
      'The caller may not use this API. Grant the IAM user the matching KooPhone permission (e.g. "KooPhone Administrator").',
  },
  '1004': {
    httpStatus: 200,
    category: 'other',
    explanation: 'KooPhone is not subscribed for this account. Enable the service in the KooPhone console first.',
  },
  '1005': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation: 'A request parameter is invalid. Check the values sent against the API reference.',
  },
  '1012': {
    httpStatus: 200,
    httpStatusByOp: { delete: 400 },
    category: 'invalid-argument',
    explanation: 'The instances do not all belong to one tenant. Send only instances of this account.',
  },
  '2001': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The cloud application does not exist. Check the application in the KooPhone console.',
  },
  '2002': {
    httpStatus: 200,
    category: 'auth',
    explanation: 'The cloud application is not authorised for this tenant. Authorise it in the KooPhone console.',
  },
  '2003': {
    httpStatus: 200,
    category: 'other',
    explanation: 'There is no idle instance. Buy more instances or release (unassign) one, then retry.',
  },
  '2004': {
    httpStatus: 200,
    category: 'other',
    explanation:
      'The instance is frozen (usually arrears or expiry). Renew or pay in Billing Center to unfreeze it, then retry.',
  },
  '2005': {
    httpStatus: 200,
    category: 'busy',
    explanation: `The instance is being restored. Wait until restoring finishes. ${RETRY_LATER}`,
  },
  '2006': {
    httpStatus: 200,
    category: 'busy',
    explanation: `The instance is being backed up. Wait until the backup finishes. ${RETRY_LATER}`,
  },
  '2209': {
    httpStatus: 200,
    category: 'other',
    explanation:
      'No device can be assigned: the instance is already assigned, not ready, or the user is not in the KooPhone organisation. Check assign_status and the user id.',
  },
  '2210': {
    httpStatus: 200,
    category: 'not-found',
    explanation: 'The user is not bound to this instance (already unassigned, or another user). Nothing to cancel.',
  },
  '3001': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation:
      'The instance SKU and the bandwidth SKU do not match. Use bandInfo.cbcSkuId from the SKU list as bandSkuId.',
  },
  '3002': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation:
      'The SKU or region is not valid. Pick instanceSkuId and regionId from the SKU list (GET /v1/instances/sku).',
  },
  '3003': {
    httpStatus: 200,
    category: 'other',
    explanation:
      'The purchase could not be placed (resource pool or order problem). Check Billing Center for a pending order, then retry later or choose another region.',
  },
  '3006': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'For monthly billing (periodType 2) periodNum must be 1–9.',
  },
  '3007': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'For yearly billing (periodType 3) periodNum must be 1–3.',
  },
  '3008': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'fast_install must be "0" (normal install) or "1" (fast install).',
  },
  '3009': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'The phone id is not valid. Check the instance id and that the phone is provisioned.',
  },
  '4001': {
    httpStatus: 200,
    category: 'not-found',
    explanation: 'The instance does not exist (deleted, released or wrong id). Refresh your state.',
  },
  '40010': {
    httpStatus: 200,
    category: 'other',
    explanation:
      'The instance or its device is in a state that does not allow this operation. Check its status and retry later.',
  },
  '4999': {
    httpStatus: 400,
    category: 'server',
    explanation:
      'A downstream service call failed. Retry later; after a failed create or delete, check the instances and orders before retrying.',
  },
  '5001': {
    httpStatus: 400,
    category: 'pay-per-use',
    explanation:
      'Pay-per-use instances cannot be deleted through the API. Delete the phone in the KooPhone console (or stop managing it here).',
  },
  '5005': {
    httpStatus: 400,
    category: 'other',
    explanation:
      'Not all instances are running. Wait until every instance reports running_status 2; shut-down phones must be powered on in the console first.',
  },
  '6000': {
    httpStatus: 400,
    category: 'invalid-argument',
    explanation: 'A request parameter is invalid. Check the values sent against the API reference.',
  },
  '6001': {
    httpStatus: 401,
    category: 'auth',
    explanation: 'Token verification failed. Check the credentials; the token may have expired or been revoked.',
  },
  '6002': {
    httpStatus: 403,
    category: 'auth',
    explanation:
      'Access denied or the token could not be parsed. Check the credentials and that the IAM user has KooPhone permissions.',
  },
  '62006': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed. Check the package (URL, size, MD5) and the instance state, then retry.',
  },
  '62010': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed for an instance; check that the instances exist and are running.',
  },
  '62015': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'The app package is too large (the limit appears to be 2 GB). Use a smaller APK.',
  },
  '62016': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed. Check the package (URL, size, MD5) and the instance state, then retry.',
  },
  '62017': {
    httpStatus: 200,
    category: 'invalid-argument',
    explanation: 'install_package_url is not valid. Give a reachable (signed) OBS download URL.',
  },
  '62019': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed. Check the package (URL, size, MD5) and the instance state, then retry.',
  },
  '62020': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed. Check the package (URL, size, MD5) and the instance state, then retry.',
  },
  '62021': {
    httpStatus: 200,
    category: 'other',
    explanation: 'The app installation failed. Check the package (URL, size, MD5) and the instance state, then retry.',
  },
  '9000': { httpStatus: 500, category: 'server', explanation: `KooPhone had an internal error. ${RETRY_LATER}` },
  '9001': {
    httpStatus: 200,
    category: 'server',
    explanation: `KooPhone had a cache (Redis) read/write problem. ${RETRY_LATER}`,
  },
  '9002': { httpStatus: 500, category: 'server', explanation: `KooPhone had a cache (Redis) failure. ${RETRY_LATER}` },
  '9003': { httpStatus: 500, category: 'server', explanation: `A service KooPhone depends on failed. ${RETRY_LATER}` },
  '9999': {
    httpStatus: 500,
    category: 'server',
    explanation: `KooPhone had an internal service error. ${RETRY_LATER}`,
  },
};

/** API gateway codes that matter to the client (docs/api/endpoints.md#envelope; widely documented for Huawei APIG). */
const GATEWAY_CODES: Readonly<Record<string, DocumentedCode>> = {
  'APIGW.0101': {
    httpStatus: 404,
    category: 'other',
    explanation:
      'The API gateway knows no such API: the endpoint URL is probably wrong. Check `koophone:endpoint` (or $KOOPHONE_ENDPOINT).',
  },
  'APIGW.0301': {
    httpStatus: 401,
    category: 'auth',
    explanation:
      'The API gateway rejected the credentials: a wrong access key or secret key, an expired token, or a clock more than 15 minutes off. ' +
      'Check `koophone:accessKey` and `koophone:secretKey` (or $HW_ACCESS_KEY, $HW_SECRET_KEY) and the machine clock.',
  },
  'APIGW.0308': {
    httpStatus: 429,
    category: 'rate-limited',
    explanation:
      'The API gateway throttled the request. The client backs off and retries; lower the concurrency if it persists.',
  },
};

/**
 * `KOOPHONE.API.4001`, `KooPhone.API.4001`, `KP.API.4001`, `KPAPI.2209` → the digits; anything else → upper case.
 * The raw string is always kept separately for the user.
 */
export function normalizeErrorCode(raw: string): string {
  const trimmed = raw.trim();
  const m = /^(?:KOOPHONE\.?API|KP\.?API)\.?(\d+)$/i.exec(trimmed);
  return m ? m[1] : trimmed.toUpperCase();
}

/** Looks a raw `error_code` up in the documented tables; undefined for an unknown code. */
export function lookupErrorCode(raw: string): CodeInfo | undefined {
  const key = normalizeErrorCode(raw);
  return KOOPHONE_CODES[key] ?? GATEWAY_CODES[key];
}

/** The documented KooPhone codes, canonical spelling, for tests and docs. */
export function documentedKooPhoneCodes(): string[] {
  return Object.keys(KOOPHONE_CODES).map((digits) => (digits === '2209' ? 'KPAPI.2209' : `KOOPHONE.API.${digits}`));
}

/**
 * The HTTP status the API documents for a code (on operation `op` where its page differs); undefined for an unknown
 * code. The client classifies by code, not by status; this is what the emulator must answer (see the agreement test).
 */
export function documentedHttpStatus(raw: string, op?: string): number | undefined {
  const key = normalizeErrorCode(raw);
  const info = KOOPHONE_CODES[key] ?? GATEWAY_CODES[key];
  if (!info) return undefined;
  return (op !== undefined ? info.httpStatusByOp?.[op] : undefined) ?? info.httpStatus;
}

/** The documented API-gateway codes, for tests and docs. */
export function documentedGatewayCodes(): string[] {
  return Object.keys(GATEWAY_CODES);
}

/** Fallback when the body carries no known code: judge by HTTP status. */
export function infoForStatus(status: number): CodeInfo {
  if (status === 401) {
    return { category: 'auth', explanation: 'The request was not authenticated. Check the credentials.' };
  }
  if (status === 403) {
    return { category: 'auth', explanation: 'Access was denied. Check that the IAM user has KooPhone permissions.' };
  }
  if (status === 404) {
    // Not NotFoundError: a bare 404 usually means a wrong endpoint URL, and callers treat NotFound as "resource gone".
    return { category: 'other', explanation: 'The API path was not found. Check the configured endpoint URL.' };
  }
  if (status === 501) {
    return { category: 'other', explanation: 'The server does not implement this operation (HTTP 501).' };
  }
  if (status === 408 || status === 409) {
    return {
      category: 'busy',
      explanation: `The server could not complete the request in time or hit a conflict. ${RETRY_LATER}`,
    };
  }
  if (status === 429) {
    return {
      category: 'rate-limited',
      explanation: 'Too many requests. The client backs off and retries; lower the concurrency if it persists.',
    };
  }
  if (status >= 500) {
    return { category: 'server', explanation: `The server failed (HTTP ${status}). ${RETRY_LATER}` };
  }
  if (status >= 400) {
    return {
      category: 'invalid-argument',
      explanation: `The server refused the request (HTTP ${status}). Check the parameters.`,
    };
  }
  return {
    category: 'other',
    explanation: 'The server returned an error code the client does not know. See the message.',
  };
}
