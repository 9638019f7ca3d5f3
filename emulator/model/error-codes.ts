import type { Op } from './ops';

/**
 * Error code table of docs/api/endpoints.md#errors (the reference's error table and the online ErrorCode page), with the HTTP status the cloud returns for
 * each code. Many business errors are HTTP 200 with a non-"0" error_code (docs/api/endpoints.md#http-status); the emulator reproduces that.
 * `statusByOp` covers codes whose status differs per endpoint page (docs/api/ambiguities.md#a4).
 *
 * Independent of the client's table (client/error-codes.ts of the provider) on purpose: the emulator imports nothing
 * from the provider, so a mistake in the client's reading of the documents shows up as a failing test instead of being
 * shared. provider/client/error-codes-agree.test.ts checks that both tables have the same codes and HTTP statuses.
 */
export interface ErrorCodeInfo {
  status: number;
  message: string;
  statusByOp?: Partial<Record<Op, number>>;
}

export const ERROR_CODES = {
  'KOOPHONE.API.0000': { status: 200, message: 'The tenant does not exist.' },
  'KOOPHONE.API.0001': { status: 200, message: 'The request header x-tenant-id is missing.' },
  'KOOPHONE.API.0002': { status: 200, message: 'The request header x-request-id is missing.' },
  'KOOPHONE.API.0003': { status: 400, message: 'The request header x-request-id is invalid.' },
  'KOOPHONE.API.0004': { status: 200, message: 'The project does not exist.' },
  'KOOPHONE.API.0005': { status: 200, message: 'A required request header is missing.' },
  'KOOPHONE.API.1000': { status: 400, message: 'The request parameter is incorrect.' },
  'KOOPHONE.API.1001': { status: 401, message: 'Insufficient instance permissions.' },
  'KOOPHONE.API.1002': { status: 400, message: 'The instances are not in the same region.' },
  'KOOPHONE.API.1003': { status: 401, message: 'No permission to call this API.' },
  'KOOPHONE.API.1004': { status: 200, message: 'The service is not subscribed.' },
  'KOOPHONE.API.1005': { status: 400, message: 'The request parameter is incorrect.' },
  // docs/api/ambiguities.md#a4: 200 in the error table, 400 on the delete page (docs/api/sources.md#delete-page); the endpoint page wins for delete.
  'KOOPHONE.API.1012': {
    status: 200,
    message: 'The instances do not belong to the same tenant.',
    statusByOp: { delete: 400 },
  },
  'KOOPHONE.API.2001': { status: 200, message: 'The cloud app does not exist.' },
  'KOOPHONE.API.2002': { status: 200, message: 'The cloud app is not authorized.' },
  'KOOPHONE.API.2003': { status: 200, message: 'No idle instance.' },
  'KOOPHONE.API.2004': { status: 200, message: 'The instance is frozen. Unfreeze it first.' },
  'KOOPHONE.API.2005': { status: 200, message: 'The instance is being restored. Try again later.' },
  'KOOPHONE.API.2006': { status: 200, message: 'The instance is being backed up. Try again later.' },
  'KOOPHONE.API.2210': { status: 200, message: 'The binding between the user and the instance does not exist.' },
  'KPAPI.2209': { status: 200, message: 'No device can be assigned.' },
  'KOOPHONE.API.3001': { status: 400, message: 'The instance SKU does not match the bandwidth SKU.' },
  'KOOPHONE.API.3002': { status: 200, message: 'The SKU or region is invalid.' },
  'KOOPHONE.API.3003': { status: 200, message: 'The resource pool cannot serve this purchase.' },
  'KOOPHONE.API.3006': { status: 200, message: 'For a monthly period, periodNum must be 1-9.' },
  'KOOPHONE.API.3007': { status: 200, message: 'For a yearly period, periodNum must be 1-3.' },
  'KOOPHONE.API.3008': { status: 200, message: 'fast_install must be 0 or 1.' },
  'KOOPHONE.API.3009': { status: 200, message: 'The phoneId is invalid.' },
  'KOOPHONE.API.4001': { status: 200, message: 'The instance does not exist.' },
  'KOOPHONE.API.40010': { status: 200, message: 'The instance state does not allow this operation.' },
  'KOOPHONE.API.4999': { status: 400, message: 'A third-party API call failed.' },
  'KOOPHONE.API.5001': { status: 400, message: 'Pay-per-use instances cannot be deleted.' },
  'KOOPHONE.API.5005': { status: 400, message: 'Not all instances are running.' },
  'KOOPHONE.API.6000': { status: 400, message: 'Invalid request parameter.' },
  'KOOPHONE.API.6001': { status: 401, message: 'Token verification failed.' },
  'KOOPHONE.API.6002': { status: 403, message: 'Access denied.' },
  'KOOPHONE.API.62006': { status: 200, message: 'App installation failed.' },
  'KOOPHONE.API.62010': { status: 200, message: 'The phone does not exist.' },
  'KOOPHONE.API.62015': { status: 200, message: 'The app package exceeds 2 GB.' },
  'KOOPHONE.API.62016': { status: 200, message: 'App installation failed.' },
  'KOOPHONE.API.62017': { status: 200, message: 'install_package_url is invalid.' },
  'KOOPHONE.API.62019': { status: 200, message: 'App installation failed.' },
  'KOOPHONE.API.62020': { status: 200, message: 'App installation failed.' },
  'KOOPHONE.API.62021': { status: 200, message: 'App installation failed.' },
  'KOOPHONE.API.9000': { status: 500, message: 'Internal error.' },
  'KOOPHONE.API.9001': { status: 200, message: 'Cache read/write problem.' },
  'KOOPHONE.API.9002': { status: 500, message: 'Cache failure.' },
  'KOOPHONE.API.9003': { status: 500, message: 'Third-party API exception.' },
  'KOOPHONE.API.9999': { status: 500, message: 'Internal service error.' },
  // API gateway codes (docs/api/endpoints.md#envelope): authentication, throttling, unknown API.
  'APIGW.0101': { status: 404, message: 'The API does not exist or has not been published in the environment.' },
  'APIGW.0301': { status: 401, message: 'Incorrect IAM authentication information.' },
  'APIGW.0308': { status: 429, message: 'The throttling threshold has been reached.' },
} satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

const TABLE: Record<string, ErrorCodeInfo> = ERROR_CODES;

/** HTTP status for a code on an endpoint; unknown codes (e.g. injected faults) default to 200 like business errors. */
export function httpStatusFor(code: string, op?: Op): number {
  const info = TABLE[code];
  if (!info) return 200;
  return (op && info.statusByOp?.[op]) ?? info.status;
}

export function defaultMessageFor(code: string): string {
  return TABLE[code]?.message ?? 'Error.';
}

/** Default error code for an injected fault that only names an HTTP status. */
export function defaultCodeForStatus(status: number): string {
  if (status === 401) return 'APIGW.0301';
  if (status === 404) return 'APIGW.0101';
  if (status === 429) return 'APIGW.0308';
  if (status >= 500) return 'KOOPHONE.API.9999';
  if (status >= 400) return 'KOOPHONE.API.1000';
  return 'KOOPHONE.API.9999';
}

/** A business error: the route layer renders it as `{error_code, error_msg}` with the table's HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ? `${ERROR_CODES[code].message} ${detail}` : ERROR_CODES[code].message);
    this.name = 'ApiError';
  }
}

/** KOOPHONE.API.1000 with a message naming the offending field. */
export function invalidParameter(detail: string): ApiError {
  return new ApiError('KOOPHONE.API.1000', detail);
}
