import { fillUndeclared } from './import-read';

const declared = { os: 'AOSP11', bandSize: 4, regionId: 'cn-north-4', createKey: 'abcde', expirePolicy: 'release' };

describe('fillUndeclared', () => {
  test("an imported resource (Read's inputs, no createKey) takes the inputs the API never reports from the program", () => {
    const olds = { regionId: 'cn-north-4', instanceId: 'i1' };
    expect(fillUndeclared(olds, { regionId: 'cn-north-4' }, declared)).toEqual({
      regionId: 'cn-north-4',
      instanceId: 'i1',
      os: 'AOSP11',
      bandSize: 4,
      expirePolicy: 'release',
    });
  });

  test('a reported input keeps its live value, so a different one in the program is still a change', () => {
    expect(fillUndeclared({ regionId: 'cn-south-1' }, { regionId: 'cn-south-1' }, declared).regionId).toBe(
      'cn-south-1',
    );
  });

  test('a declared resource (inputs with createKey) is compared as it is: a newly declared expirePolicy is a change', () => {
    const olds = { os: 'AOSP11', createKey: 'abcde' };
    expect(fillUndeclared(olds, olds, declared)).toEqual(olds);
  });
});
