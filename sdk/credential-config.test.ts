import * as pulumi from '@pulumi/pulumi';
import { assertCredentialsAreSecret, CREDENTIAL_KEYS, plainCredentialError } from './credential-config';

describe('credentials in stack config', () => {
  afterEach(() => pulumi.runtime.setAllConfig({}, []));

  it('treats password, accessKey and secretKey as credentials', () => {
    expect([...CREDENTIAL_KEYS].sort()).toEqual(['accessKey', 'password', 'secretKey']);
  });

  it('a plain password stops the program with both fixes named and without the value', () => {
    pulumi.runtime.setAllConfig({ 'koophone:password': 'hunter2-plain', 'koophone:userName': 'demo' }, []);
    expect(() => assertCredentialsAreSecret()).toThrow(
      'koophone:password is set as plain (not secret) stack config: Pulumi would store it in clear text in the ' +
        "stack's state, so the program stopped before registering any resource. Encrypt it with " +
        '`pulumi config set --secret koophone:password <value>` (this replaces the plain value), or remove it from ' +
        'the stack config (`pulumi config rm koophone:password`) and set the environment variable HW_USER_PASSWORD ' +
        'instead, which never reaches the state.',
    );
    try {
      assertCredentialsAreSecret();
    } catch (err) {
      expect(String(err)).not.toContain('hunter2-plain');
    }
  });

  it('names every plain key of an AK/SK pair and their environment variables', () => {
    const err = plainCredentialError({ isSet: () => true, isSecret: (k) => k === 'koophone:password' });
    expect(err?.message).toMatch(/^koophone:accessKey, koophone:secretKey are set as plain/);
    expect(err?.message).toContain(
      '`pulumi config set --secret koophone:accessKey <value>` and `pulumi config set --secret koophone:secretKey <value>`',
    );
    expect(err?.message).toContain('HW_ACCESS_KEY, HW_SECRET_KEY');
  });

  it('accepts secret credentials, unset credentials and plain non-credential keys', () => {
    pulumi.runtime.setAllConfig(
      {
        'koophone:password': 'p',
        'koophone:secretKey': 's',
        'koophone:accessKey': 'a',
        'koophone:endpoint': 'http://x',
      },
      ['koophone:password', 'koophone:secretKey', 'koophone:accessKey'],
    );
    expect(() => assertCredentialsAreSecret()).not.toThrow();
    pulumi.runtime.setAllConfig({ 'koophone:userName': 'demo' }, []);
    expect(() => assertCredentialsAreSecret()).not.toThrow();
  });
});
