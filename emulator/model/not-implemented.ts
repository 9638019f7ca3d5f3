import type { Op } from './ops';

/**
 * Behaviour the emulator deliberately does not model. Routes answer HTTP 501 naming the endpoint, so a test
 * never mistakes an unmodelled feature for success.
 */
export class NotImplementedError extends Error {
  constructor(
    readonly op: Op,
    detail: string,
  ) {
    super(`${op}: ${detail} is not implemented by the KooPhone emulator`);
    this.name = 'NotImplementedError';
  }
}

export const NOT_IMPLEMENTED_CODE = 'EMULATOR.NOT_IMPLEMENTED';
