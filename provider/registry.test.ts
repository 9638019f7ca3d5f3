import { dynamicModuleName, dynamicProviderModule, RESOURCES } from './registry';

describe('the registry of resources', () => {
  test('names the dynamic modules by kebab case', () => {
    expect(RESOURCES.map((r) => dynamicModuleName(r.name))).toEqual([
      'instance',
      'instance-group',
      'user-assignment',
      'video-setting',
      'app-installation',
      'phone-command',
      'phone-reboot',
      'phone-reset',
    ]);
  });

  test.each(RESOURCES.map((r) => r.name))(
    'the dynamic module of %s exports exactly the methods its implementation has, unbound',
    (name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(`./dynamic/${dynamicModuleName(name)}`) as Record<string, unknown>;
      const implementation = RESOURCES.find((r) => r.name === name)!.provider as unknown as Record<string, unknown>;
      const methods = ['configure', 'check', 'diff', 'create', 'read', 'update', 'delete'];
      expect(Object.keys(exported).sort()).toEqual(methods.filter((m) => implementation[m] !== undefined).sort());
      for (const m of Object.keys(exported)) expect(exported[m]).toBe(implementation[m]);
    },
  );

  test('an unknown name is refused with the file to add it to', () => {
    expect(() => dynamicProviderModule('Nope')).toThrow('no resource Nope in provider/registry.ts');
  });
});
