import { instanceInputsSchema } from '../../schemas/resources/instance';
import { videoSettingInputsSchema } from '../../schemas/resources/video-setting';
import { UNKNOWN_VALUE, checkInputs } from './check-inputs';

const valid = { os: 'AOSP11', instanceSkuId: 'kp.professional.xlarge.32g.2', bandSize: 4, regionId: 'cn-north-4' };

describe('checkInputs', () => {
  it('fills documented defaults for valid inputs and ignores the serialized provider', () => {
    const { inputs, failures } = checkInputs(instanceInputsSchema, { ...valid, __provider: 'exports.handler = …' });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({
      bandSkuId: 'kp.bandwidth',
      network: 'EIP',
      waitForReady: true,
      charge: { mode: 'prePaid', periodType: 'month', periodNum: 1, autoPay: true, autoRenew: false },
    });
    expect(inputs).not.toHaveProperty('__provider');
  });

  it('names every bad field by its property path', () => {
    const { failures } = checkInputs(instanceInputsSchema, {
      ...valid,
      os: 'Android12',
      namePrefix: 'way-too-long-prefix',
      charge: { periodType: 'year', periodNum: 5 },
      colour: 'red',
    });
    // Top-level fields are the failure's property (the engine prints their value); nested paths lead the reason.
    expect([...new Set(failures.filter((f) => f.property).map((f) => f.property))].sort()).toEqual([
      'namePrefix',
      'os',
    ]);
    const reasons = failures.filter((f) => !f.property).map((f) => f.reason);
    expect(reasons).toContainEqual(
      expect.stringMatching(/^charge\.periodNum: .*at most 3 when periodType is "year".* \(received 5\)$/),
    );
    expect(reasons).toContainEqual(expect.stringMatching(/^inputs: .*colour/));
  });

  it('says what fps accepts and what it received, on the nested path', () => {
    const { failures } = checkInputs(videoSettingInputsSchema, {
      instanceIds: ['a44uhlf7'],
      profiles: [{ networkType: 'WIFI', encodingType: 'H264', definition720p: { codeRate: 4000, fps: 45 } }],
    });
    expect(failures).toEqual([
      { property: '', reason: 'profiles.0.definition720p.fps: must be 30 or 60 frames per second (received 45)' },
    ]);
  });

  it('does not judge values that are unknown at preview', () => {
    const { inputs, failures } = checkInputs(videoSettingInputsSchema, { instanceIds: [UNKNOWN_VALUE] });
    expect(failures).toEqual([]);
    expect(inputs).toBeDefined();
  });

  it('does not take several unknown instance ids for duplicates, and still names a real duplicate', () => {
    // An array of Outputs: every id is the same unknown placeholder at preview.
    expect(
      checkInputs(videoSettingInputsSchema, { instanceIds: [UNKNOWN_VALUE, UNKNOWN_VALUE, UNKNOWN_VALUE] }).failures,
    ).toEqual([]);
    const dup = checkInputs(videoSettingInputsSchema, {
      instanceIds: ['a44uhlf7', UNKNOWN_VALUE, 'a44uhlf7'],
    }).failures;
    expect(dup.map((f) => f.property + f.reason)).toEqual([
      expect.stringMatching(/instanceIds\.2.*lists instance "a44uhlf7" twice/),
    ]);
  });

  it('puts no limit on how many phones a VideoSetting covers (the provider sends 100 per call)', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `p${String(i).padStart(7, '0')}`);
    expect(checkInputs(videoSettingInputsSchema, { instanceIds: ids }).failures).toEqual([]);
  });

  it('validates video ranges: code rate step, fps and duplicate profiles', () => {
    const { failures } = checkInputs(videoSettingInputsSchema, {
      instanceIds: ['a44uhlf7'],
      profiles: [
        { networkType: 'WIFI', encodingType: 'H264', definition720p: { codeRate: 4050, fps: 30 } },
        { networkType: 'WIFI', encodingType: 'H264', definition1080p: { codeRate: 20000, fps: 25 } },
      ],
    });
    expect(failures.map((f) => f.reason.split(':')[0]).sort()).toEqual([
      'profiles.0.definition720p.codeRate',
      'profiles.1.definition1080p.codeRate',
      'profiles.1.definition1080p.fps',
    ]);
    // zod runs the duplicate check once every profile is valid on its own.
    const dup = checkInputs(videoSettingInputsSchema, {
      instanceIds: ['a44uhlf7'],
      profiles: [
        { networkType: 'WIFI', encodingType: 'H264' },
        { networkType: 'WIFI', encodingType: 'H264' },
      ],
    });
    expect(dup.failures).toEqual([
      {
        property: '',
        reason:
          'profiles.1: repeats WIFI/H264; give each network type and encoding once (received {"networkType":"WIFI","encodingType":"H264"})',
      },
    ]);
  });
});
