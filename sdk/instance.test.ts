import { instanceCreateKey } from './instance';

describe('instanceCreateKey', () => {
  it('is stable for the same resource and differs across stacks, projects, parents and names', () => {
    const key = instanceCreateKey('fleet', 'prod', '', 'desk-1');
    expect(key).toMatch(/^[a-z0-9]{5}$/);
    expect(instanceCreateKey('fleet', 'prod', '', 'desk-1')).toBe(key);
    const others = [
      instanceCreateKey('fleet', 'dev', '', 'desk-1'),
      instanceCreateKey('other', 'prod', '', 'desk-1'),
      instanceCreateKey('fleet', 'prod', 'urn:pulumi:prod::fleet::my:Team::a', 'desk-1'),
      instanceCreateKey('fleet', 'prod', '', 'desk-2'),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
  });
});
