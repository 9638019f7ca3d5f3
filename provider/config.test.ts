import { clientOptionsFrom, readProviderConfig } from './config';

const fromMap = (m: Record<string, string>) => (key: string) => m[key];

describe('provider configuration', () => {
  it('reads stack config before the environment and picks password auth scoped to the region', () => {
    const config = readProviderConfig(
      fromMap({
        'koophone:region': 'cn-north-4',
        'koophone:domainName': 'demo',
        'koophone:userName': 'demo',
        'koophone:password': 'pw',
      }),
      { HW_REGION_NAME: 'cn-north-7', KOOPHONE_ENDPOINT: 'http://127.0.0.1:9/' },
    );
    const opts = clientOptionsFrom(config);
    expect(opts.endpoint).toBe('http://127.0.0.1:9');
    expect(opts.iamEndpoint).toBe('https://iam.cn-north-4.myhuaweicloud.com');
    expect(opts.auth).toEqual({
      kind: 'password',
      domainName: 'demo',
      userName: 'demo',
      password: 'pw',
      projectName: 'cn-north-4',
      projectId: undefined,
    });
  });

  it('prefers AK/SK signing from the environment when both keys are set', () => {
    const opts = clientOptionsFrom(readProviderConfig(fromMap({}), { HW_ACCESS_KEY: 'AK', HW_SECRET_KEY: 'SK' }));
    expect(opts.auth).toEqual({ kind: 'aksk', accessKey: 'AK', secretKey: 'SK' });
    expect(opts.endpoint).toBe('https://koophone.myhuaweicloud.com');
  });

  it("gives AK/SK signing the project (X-Project-Id), by id or by the region's project name", () => {
    const env = { HW_ACCESS_KEY: 'AK', HW_SECRET_KEY: 'SK' };
    expect(clientOptionsFrom(readProviderConfig(fromMap({ 'koophone:region': 'cn-north-4' }), env)).auth).toEqual({
      kind: 'aksk',
      accessKey: 'AK',
      secretKey: 'SK',
      projectName: 'cn-north-4',
    });
    expect(clientOptionsFrom(readProviderConfig(fromMap({ 'koophone:projectId': 'p-1' }), env)).auth).toEqual({
      kind: 'aksk',
      accessKey: 'AK',
      secretKey: 'SK',
      projectId: 'p-1',
    });
  });

  it('names the config key and the environment variable of a missing credential', () => {
    expect(() => clientOptionsFrom(readProviderConfig(fromMap({}), {}))).toThrow(
      /koophone:accessKey.*\$HW_ACCESS_KEY.*koophone:password.*\$HW_USER_PASSWORD/,
    );
    expect(() => clientOptionsFrom(readProviderConfig(fromMap({ 'koophone:accessKey': 'AK' }), {}))).toThrow(
      /missing `koophone:secretKey` \(or \$HW_SECRET_KEY\)/,
    );
  });

  it('rejects a malformed endpoint naming what it expects and received, never echoing a secret', () => {
    expect(() =>
      readProviderConfig(fromMap({ 'koophone:endpoint': 'not a url', 'koophone:password': 'hunter2' }), {}),
    ).toThrow(
      'invalid `koophone:endpoint` (or $KOOPHONE_ENDPOINT): must be an http(s) URL such as https://koophone.myhuaweicloud.com ' +
        '(received "not a url"). Fix it with `pulumi config set koophone:endpoint <value>` or the environment variable.',
    );
    try {
      readProviderConfig(fromMap({ 'koophone:endpoint': 'ftp://x', 'koophone:password': 'hunter2' }), {});
    } catch (err) {
      expect(String(err)).not.toContain('hunter2');
    }
  });
});
