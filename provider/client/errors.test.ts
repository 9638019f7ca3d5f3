import { lookupErrorCode, normalizeErrorCode } from './error-codes';
import {
  AuthFailedError,
  createApiError,
  InvalidArgumentError,
  KooPhoneApiError,
  KooPhoneOutcomeUnknownError,
  NotFoundError,
  PayPerUseNotDeletableError,
  RateLimitedError,
} from './errors';

/** Every code of docs/api/endpoints.md#errors, typed out here (not taken from the table under test). */
const DOCUMENTED_CODES = [
  'KOOPHONE.API.0000',
  'KOOPHONE.API.0001',
  'KOOPHONE.API.0002',
  'KOOPHONE.API.0003',
  'KOOPHONE.API.0004',
  'KOOPHONE.API.0005',
  'KOOPHONE.API.1000',
  'KOOPHONE.API.1001',
  'KOOPHONE.API.1002',
  'KOOPHONE.API.1003',
  'KOOPHONE.API.1004',
  'KOOPHONE.API.1005',
  'KOOPHONE.API.1012',
  'KOOPHONE.API.2001',
  'KOOPHONE.API.2002',
  'KOOPHONE.API.2003',
  'KOOPHONE.API.2004',
  'KOOPHONE.API.2005',
  'KOOPHONE.API.2006',
  'KOOPHONE.API.2210',
  'KPAPI.2209',
  'KOOPHONE.API.3001',
  'KOOPHONE.API.3002',
  'KOOPHONE.API.3003',
  'KOOPHONE.API.3006',
  'KOOPHONE.API.3007',
  'KOOPHONE.API.3008',
  'KOOPHONE.API.3009',
  'KOOPHONE.API.4001',
  'KOOPHONE.API.40010',
  'KOOPHONE.API.4999',
  'KOOPHONE.API.5001',
  'KOOPHONE.API.5005',
  'KOOPHONE.API.6000',
  'KOOPHONE.API.6001',
  'KOOPHONE.API.6002',
  'KOOPHONE.API.62006',
  'KOOPHONE.API.62010',
  'KOOPHONE.API.62015',
  'KOOPHONE.API.62016',
  'KOOPHONE.API.62017',
  'KOOPHONE.API.62019',
  'KOOPHONE.API.62020',
  'KOOPHONE.API.62021',
  'KOOPHONE.API.9000',
  'KOOPHONE.API.9001',
  'KOOPHONE.API.9002',
  'KOOPHONE.API.9003',
  'KOOPHONE.API.9999',
];

function errorFor(code: string, status = 200): KooPhoneApiError {
  return createApiError({ status, code, apiMessage: 'msg', requestId: 'req-1', endpoint: 'delete' });
}

describe('error codes', () => {
  it.each(DOCUMENTED_CODES)('%s has its own explanation that says what to do', (code) => {
    const info = lookupErrorCode(code);
    expect(info).toBeDefined();
    expect(info!.explanation.length).toBeGreaterThan(30);
    expect(errorFor(code).explanation).toBe(info!.explanation);
  });

  it('matches the spellings of docs/api/ambiguities.md#a5 case-insensitively and keeps the raw code', () => {
    for (const raw of ['KOOPHONE.API.4001', 'KooPhone.API.4001', 'koophone.api.4001', 'KP.API.4001', 'KPAPI.4001']) {
      const err = errorFor(raw);
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err.code).toBe(raw);
      expect(err.normalizedCode).toBe('4001');
    }
    expect(normalizeErrorCode('KPAPI.2209')).toBe('2209');
    expect(normalizeErrorCode('apigw.0308')).toBe('APIGW.0308');
    expect(lookupErrorCode('common.00000123')).toBeUndefined();
  });

  it.each([
    [NotFoundError, ['KOOPHONE.API.4001', 'KOOPHONE.API.2210']],
    [PayPerUseNotDeletableError, ['KOOPHONE.API.5001']],
    [RateLimitedError, ['APIGW.0308']],
    [
      AuthFailedError,
      ['KOOPHONE.API.1001', 'KOOPHONE.API.1003', 'KOOPHONE.API.6001', 'KOOPHONE.API.6002', 'APIGW.0301'],
    ],
    [
      InvalidArgumentError,
      [
        'KOOPHONE.API.1000',
        'KOOPHONE.API.1002',
        'KOOPHONE.API.3001',
        'KOOPHONE.API.3002',
        'KOOPHONE.API.3006',
        'KOOPHONE.API.3007',
        'KOOPHONE.API.3008',
        'KOOPHONE.API.6000',
      ],
    ],
  ])('%p for its codes', (cls, codes) => {
    for (const code of codes) expect(errorFor(code)).toBeInstanceOf(cls);
  });

  it('unknown codes fall back to the HTTP status; a bare 404 is not NotFound (wrong endpoint ≠ resource gone)', () => {
    expect(errorFor('HTTP.429', 429)).toBeInstanceOf(RateLimitedError);
    expect(errorFor('HTTP.401', 401)).toBeInstanceOf(AuthFailedError);
    expect(errorFor('HTTP.404', 404)).not.toBeInstanceOf(NotFoundError);
    expect(errorFor('common.00000500', 500).retryable).toBe(true);
    expect(errorFor('KOOPHONE.API.5005', 400).retryable).toBe(false);
    expect(errorFor('KOOPHONE.API.2006').retryable).toBe(true);
  });

  it('formats messages as explanation, server text, then (operation: status, code, request id)', () => {
    const err = errorFor('KOOPHONE.API.5001', 400);
    expect(err.message).toMatch(
      /^Pay-per-use .* Server said: "msg"\. \(delete: HTTP 400, error code KOOPHONE\.API\.5001, request id req-1\)$/,
    );
    const unknown = new KooPhoneOutcomeUnknownError({
      code: 'HTTP.502',
      explanation: 'No answer.',
      requestId: 'r2',
      endpoint: 'create',
    });
    expect(unknown.message).toBe('No answer. (create: error code HTTP.502, request id r2)');
    expect(unknown).not.toBeInstanceOf(KooPhoneApiError);
  });
});
