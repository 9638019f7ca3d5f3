import { DEFAULT_DATA_DIR, listeningLine, parseCliArgs } from './cli-options';

describe('koophone-emulator flags', () => {
  it('defaults to 127.0.0.1, a free port and .koophone-emulator/', () => {
    expect(parseCliArgs([])).toEqual({ host: '127.0.0.1', port: 0, dataDir: DEFAULT_DATA_DIR });
    expect(DEFAULT_DATA_DIR).toBe('.koophone-emulator/');
  });

  it('reads every contract flag, with a space or =', () => {
    expect(
      parseCliArgs([
        '--port',
        '8080',
        '--host=127.0.0.1',
        '--data-dir',
        '/tmp/kp',
        '--provision-seconds',
        '0.5',
        '--release-seconds=2',
      ]),
    ).toEqual({ host: '127.0.0.1', port: 8080, dataDir: '/tmp/kp', provisionSeconds: 0.5, releaseSeconds: 2 });
    expect(parseCliArgs(['--in-memory', '--log'])).toMatchObject({ dataDir: null, logger: true });
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseCliArgs(['--verbose'])).toThrow('unknown argument');
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port');
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseCliArgs(['--provision-seconds', '-1'])).toThrow('--provision-seconds');
    expect(() => parseCliArgs(['--data-dir'])).toThrow('--data-dir');
  });

  it('prints the contract line', () => {
    expect(listeningLine('http://127.0.0.1:4000')).toBe('KooPhone emulator listening on http://127.0.0.1:4000');
  });
});
