import { EmulatorHarness } from '../testing/emulator-harness';

type Setting = { network_type: string; encoding_type: string; video_spec_groups: unknown[] };

/** The docs/api/endpoints.md#video-setting example: one InstanceSetting per network × encoding combination. */
function exampleSettings(): Setting[] {
  const group = {
    definition_540P: { code_rate: 2000, fps: 30 },
    definition_720P: { code_rate: 4000, fps: 30 },
    definition_1080P: { code_rate: 8000, fps: 60 },
  };
  return ['MOBILE_NETWORK', 'WIFI', 'WIRED'].flatMap((network_type) =>
    ['H264', 'H265'].map((encoding_type) => ({ network_type, encoding_type, video_spec_groups: [group] })),
  );
}

describe('video-setting (docs/api/endpoints.md#video-setting)', () => {
  let emu: EmulatorHarness;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    await emu.seedInstances([{ instanceName: 'v-00001', instanceId: 'iRJEVP96' }]);
  });
  afterAll(() => emu.close());

  function put(body: unknown) {
    return emu.api('PUT', '/v1/instances/video-setting', { body });
  }

  it('applies all six combinations; the control plane shows what was applied', async () => {
    const settings = exampleSettings();
    const res = await put({ instance_ids: ['iRJEVP96'], instance_settings: settings });
    expect(res.json).toEqual({ error_code: '0', error_msg: 'ok' });
    const applied = await emu.control('GET', '/video-settings/iRJEVP96');
    expect(applied).toEqual({ instanceId: 'iRJEVP96', instanceSettings: settings, appliedAt: expect.any(String) });
  });

  it('requires all six network × encoding combinations exactly once (2025 rules, docs/api/ambiguities.md#a6)', async () => {
    const five = exampleSettings().slice(1);
    const duplicated = [...exampleSettings().slice(1), exampleSettings()[1]];
    for (const instance_settings of [five, duplicated, []]) {
      const res = await put({ instance_ids: ['iRJEVP96'], instance_settings });
      expect([res.status, res.json.error_code]).toEqual([400, 'KOOPHONE.API.1000']);
    }
  });

  it('checks code_rate 100–10000 in steps of 100 and fps 30 or 60', async () => {
    const bad: [string, number][] = [
      ['code_rate', 50],
      ['code_rate', 10100],
      ['code_rate', 2050],
      ['fps', 25],
      ['fps', 0],
    ];
    for (const [field, value] of bad) {
      const settings = exampleSettings();
      (settings[2].video_spec_groups[0] as Record<string, Record<string, number>>).definition_720P[field] = value;
      const res = await put({ instance_ids: ['iRJEVP96'], instance_settings: settings });
      expect([field, value, res.status, res.json.error_code]).toEqual([field, value, 400, 'KOOPHONE.API.1000']);
    }
    const edges = exampleSettings();
    (edges[0].video_spec_groups[0] as Record<string, Record<string, number>>).definition_540P.code_rate = 100;
    (edges[0].video_spec_groups[0] as Record<string, Record<string, number>>).definition_1080P.code_rate = 10000;
    expect((await put({ instance_ids: ['iRJEVP96'], instance_settings: edges })).json.error_code).toBe('0');
  });

  it('rejects unknown network/encoding types and missing definitions', async () => {
    const wrongNetwork = exampleSettings();
    wrongNetwork[0].network_type = 'SATELLITE';
    const missingDefinition = exampleSettings();
    missingDefinition[0].video_spec_groups = [{ definition_540P: { code_rate: 2000, fps: 30 } }];
    for (const instance_settings of [wrongNetwork, missingDefinition]) {
      expect((await put({ instance_ids: ['iRJEVP96'], instance_settings })).json.error_code).toBe('KOOPHONE.API.1000');
    }
  });

  it('answers 2004 for frozen phones, with or without x-request-id (the SDK sends none)', async () => {
    await emu.control('POST', '/instances/iRJEVP96/mutate', { action: 'freeze' });
    expect((await put({ instance_ids: ['iRJEVP96'], instance_settings: exampleSettings() })).json.error_code).toBe(
      'KOOPHONE.API.2004',
    );
    const noId = await emu.api('PUT', '/v1/instances/video-setting', {
      body: { instance_ids: ['iRJEVP96'], instance_settings: exampleSettings() },
      requestId: false,
    });
    expect(noId.json.error_code).toBe('KOOPHONE.API.2004');
  });
});
