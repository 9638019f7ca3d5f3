import * as pulumi from '@pulumi/pulumi';
import { registration } from './resource-props';

describe('registration of a generated class', () => {
  const isSecret = (v: unknown) => pulumi.Output.isInstance(v) && pulumi.isSecret(v);

  test('secret inputs become secrets and are added to additionalSecretOutputs', async () => {
    const { props, opts } = registration(
      'AppInstallation',
      'app',
      { packageUrl: 'https://signed', instanceIds: ['a'] },
      { additionalSecretOutputs: ['other'] },
      { outputs: ['instanceIds', 'packageUrl', 'resourceUrn', 'installations'], secrets: ['packageUrl'] },
    );
    expect(await isSecret(props.packageUrl)).toBe(true);
    expect(props.instanceIds).toEqual(['a']);
    expect(props).toHaveProperty('installations', undefined);
    expect(pulumi.Output.isInstance(props.resourceUrn)).toBe(true);
    expect(opts?.additionalSecretOutputs).toEqual(['other', 'packageUrl']);
  });

  test('without secrets or a resourceUrn output, the arguments and options pass as they are', () => {
    const given = { protect: true };
    const { props, opts } = registration('UserAssignment', 'ua', { instanceId: 'i', userId: 'u' }, given, {
      outputs: ['instanceId', 'userId', 'assignStatus'],
    });
    expect(props).toEqual({ instanceId: 'i', userId: 'u', assignStatus: undefined });
    expect(opts).toBe(given);
  });
});
