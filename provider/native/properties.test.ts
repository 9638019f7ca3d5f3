import { unwrapSecrets, wrapSecrets } from './properties';

const secret = (value: unknown) => ({ '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', value });

test('secrets are unwrapped for the implementations and the properties that held one go back out secret', () => {
  const keys = new Set<string>(['packageUrl']);
  const plain = unwrapSecrets({ userId: secret('u1'), nested: { a: [1, secret(2)] }, size: 3 }, keys);
  expect(plain).toEqual({ userId: 'u1', nested: { a: [1, 2] }, size: 3 });
  expect([...keys].sort()).toEqual(['nested', 'packageUrl', 'userId']);
  expect(wrapSecrets({ userId: 'u1', packageUrl: 'https://signed', size: 3 }, keys)).toEqual({
    userId: secret('u1'),
    packageUrl: secret('https://signed'),
    size: 3,
  });
});
