import { randomUUID } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { request } from 'undici';
import { loadFacts, sdkRequest, shapeProblems, type Overrides, type SdkRequest } from '../test/conformance/sdk-samples';
import { DEMO_TENANT } from './model/tenants';
import { EmulatorHarness } from './testing/emulator-harness';

/**
 * Conformance with the official SDK (test/conformance/sdk-wire-facts.json): every operation, sent exactly as the SDK
 * sends it — every parameter and body field it can set, x-request-id only where it defines one, AK/SK signed by the
 * official signer with X-Project-Id — is accepted and answered in the SDK's response shape.
 */

const facts = loadFacts();
const USER = '1008600000104285462';
const OTHER_USER = '1008600000104285463';
/** Fields the docs show and the SDK lacks (the envelope on batch-query; SKU extras), docs/api/wire-fidelity.md. */
const DOC_ONLY = [
  'error_code',
  'error_msg',
  'data.bandInfo.id',
  'data.skuSpecResponseList[].skuResponses[].specDescEn',
  'data.skuSpecResponseList[].skuResponses[].nestInfo',
];

interface Phones {
  run: string;
  free: string;
}

/** What the facts cannot know, per operation: real ids, SKUs, URLs; and the state an operation needs first. */
async function prepare(emu: EmulatorHarness, op: string, phones: Phones): Promise<Overrides> {
  const base = {
    instance_id: phones.run,
    instance_ids: [phones.run],
    instanceIdList: [phones.run],
    instance_id_list: [phones.run],
    user_id: USER,
    command: 'ls',
  };
  switch (op) {
    case 'CreateInstance':
      return {
        instanceSkuId: 'kp.professional.2xlarge.128g.2',
        bandSkuId: 'kp.bandwidth',
        regionId: 'cn-north-7',
        instanceNamePrefix: 'sdk',
        bandSize: 4,
        count: 1,
        nodeGroupId: 'ng-1',
        periodNum: 1,
      };
    case 'ListInstances':
      return {
        'x-request-id': randomUUID(),
        page_no: '1',
        page_size: '10',
        instance_id: phones.run,
        instance_name: 'sdk',
        query_start_time: '2020-01-01 00:00:00',
        query_end_time: '2099-01-01 00:00:00',
        pool_scene_tag: 'CLOUD_PHONE',
        order: 'asc',
        order_by: 'create_time',
        pool_name: 'ng-1',
      };
    case 'BatchShowSku':
      return { type: '0' };
    case 'ExecuteJob': {
      const task = await emu.api('POST', '/v1/instances/async-command', {
        body: { command: 'ls', instance_ids: [phones.run] },
      });
      return { task_id: task.json.data.task_id };
    }
    case 'InstallApp':
      return {
        ...base,
        object_name: 'com.example.app',
        file_name: 'example.apk',
        object_version: '1.0',
        object_size: '12',
        biz_type: 'apk',
        content_type: 'application/octet-stream',
        content_md5: 'abc',
        install_package_url: 'https://obs.example.com/example.apk',
      };
    case 'ListInstanceApp':
      return { ...base, page_no: 1, page_size: 10, app_type: 2, 'x-request-id': randomUUID() };
    case 'SetVideo': {
      // Both the SDK and the docs want every network × encoding pair (6), so build them from the SDK's enums.
      const setting = facts.models.InstanceSetting.fields;
      const values = (n: string) => setting.find((f) => f.name === n)?.enum ?? [];
      const spec = { code_rate: 1000, fps: 30 };
      const group = { definition_540P: spec, definition_720P: spec, definition_1080P: spec };
      const instance_settings = values('network_type').flatMap((network_type) =>
        values('encoding_type').map((encoding_type) => ({ network_type, encoding_type, video_spec_groups: [group] })),
      );
      return { ...base, instance_settings };
    }
    case 'ProvisionInstance':
      return { ...base, user_id: OTHER_USER, instance_id: phones.free };
    case 'ShowProgress':
      await emu.api('POST', '/v1/instances/prepare', { body: { user_id: USER, instance_ids: [phones.run] } });
      return base;
    case 'StopInstancesSession':
    case 'StopInstancesStreaming':
      return { ...base, 'x-request-id': randomUUID() };
    default:
      return base;
  }
}

function signedHeaders(emu: EmulatorHarness, req: SdkRequest, bodyText: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    ...req.headers,
    'content-type': 'application/json',
    'X-Project-Id': DEMO_TENANT.projectId,
  };
  return AKSKSigner.sign(
    {
      endpoint: `${emu.url}${req.path}`,
      method: req.method,
      headers,
      queryParams: req.query,
      data: bodyText === undefined ? undefined : JSON.parse(bodyText),
    },
    // Only getAk/getSk matter to the signer (as in provider/client/aksk-signer.test.ts).
    {
      getAk: () => DEMO_TENANT.accessKey,
      getSk: () => DEMO_TENANT.secretKey,
      processAuthRequest: async (_c, r) => r,
      processAuthParams: async function () {
        return this;
      },
    },
  );
}

async function send(emu: EmulatorHarness, req: SdkRequest): Promise<{ status: number; json: Record<string, unknown> }> {
  const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
  const search = new URLSearchParams(req.query).toString().replace(/\+/g, '%20');
  const res = await request(`${emu.url}${req.path}${search ? `?${search}` : ''}`, {
    method: req.method as 'GET',
    headers: signedHeaders(emu, req, bodyText),
    body: bodyText,
  });
  return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
}

describe(`emulator conformance with the official SDK ${facts.source.release} (${facts.source.commit.slice(0, 10)})`, () => {
  let emu: EmulatorHarness;
  let phones: Phones;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
  });
  beforeEach(async () => {
    await emu.control('POST', '/reset');
    const [run, free] = await emu.seedInstances([
      { instanceName: 'sdk-00001', assignUser: USER },
      { instanceName: 'sdk-00002' },
    ]);
    phones = { run, free };
  });
  afterAll(() => emu.close());

  it('covers every SDK operation', () => {
    expect(Object.keys(facts.operations).length).toBe(21);
  });

  it.each(Object.keys(facts.operations))(
    '%s: the SDK-shaped request is accepted and answered in the SDK shape',
    async (name) => {
      const op = facts.operations[name];
      const req = sdkRequest(facts, op, await prepare(emu, name, phones));
      const res = await send(emu, req);
      expect({ name, status: res.status, code: res.json.error_code, msg: res.json.error_msg }).toEqual({
        name,
        status: 200,
        code: '0',
        msg: expect.any(String),
      });
      expect(shapeProblems(facts, op.response, res.json, DOC_ONLY)).toEqual([]);
    },
  );

  it('finds the project id the way the SDK does: IAM GET /v3/projects?name=<region>, AK/SK signed', async () => {
    const req: SdkRequest = {
      method: 'GET',
      path: '/v3/projects',
      query: { name: DEMO_TENANT.projectName },
      headers: {},
    };
    const res = await send(emu, req);
    expect(res.status).toBe(200);
    expect((res.json.projects as { id: string }[]).map((p) => p.id)).toEqual([DEMO_TENANT.projectId]);
    const none = await send(emu, { ...req, query: { name: 'nowhere-1' } });
    expect(none.json.projects).toEqual([]);
  });
});
