import { ERROR_CODES, httpStatusFor } from '../../emulator/model/error-codes';
import { KOOPHONE_OPS } from '../../emulator/model/ops';
import { documentedGatewayCodes, documentedHttpStatus, documentedKooPhoneCodes } from './error-codes';

/**
 * The client's and the emulator's error tables are written independently (an emulator that shared the client's
 * table could not catch its mistakes); this test keeps them from drifting apart: the same codes, and for every code
 * (and every operation where an endpoint page differs) the same HTTP status.
 */
describe('client and emulator error tables agree', () => {
  const emulatorCodes = Object.keys(ERROR_CODES).sort();
  const clientCodes = [...documentedKooPhoneCodes(), ...documentedGatewayCodes()].sort();

  it('know the same codes', () => {
    expect(clientCodes).toEqual(emulatorCodes);
  });

  it.each(emulatorCodes)('%s has the same HTTP status in both', (code) => {
    expect(documentedHttpStatus(code)).toBe(httpStatusFor(code));
  });

  it.each([...KOOPHONE_OPS])('agree on the status of every code on %s (endpoint pages may differ)', (op) => {
    const client = Object.fromEntries(emulatorCodes.map((code) => [code, documentedHttpStatus(code, op)]));
    const emulator = Object.fromEntries(emulatorCodes.map((code) => [code, httpStatusFor(code, op)]));
    expect(client).toEqual(emulator);
  });
});
