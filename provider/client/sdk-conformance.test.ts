import { fieldPaths, loadFacts, sampleModel, sdkRequest } from '../../test/conformance/sdk-samples';
import { KooPhoneClient } from './index';
import { startWireFixture, type WireFixture } from './testing/wire-fixture';

/**
 * Client conformance with the official SDK (test/conformance/sdk-wire-facts.json): for every SDK operation the
 * client has a call that (1) reads the SDK's full response shape and (2) can put every parameter and body field the
 * SDK can send on the wire. A new operation or field in the facts fails here until the client learns it.
 */

const facts = loadFacts();
type Sample = ReturnType<typeof sdkRequest>;
type Body = Record<string, unknown>;
const b = (s: Sample) => s.body as Body;
const q = (s: Sample, k: string) => s.query[k];

/** SDK operation → the client call given the SDK's sample request. */
const CALLS: Record<string, (c: KooPhoneClient, s: Sample) => Promise<unknown>> = {
  AsyncInvokeInstance: (c, s) => c.asyncCommand(b(s).command as string, b(s).instance_ids as string[]),
  BatchBackupInstances: (c, s) => c.backupInstances(b(s).instance_ids as string[]),
  BatchPrepareInstances: (c, s) => c.prepareInstances(b(s).user_id as string, b(s).instance_ids as string[]),
  BatchRebootInstance: (c, s) => c.rebootInstances(b(s).instance_ids as string[]),
  BatchResetInstance: (c, s) => c.resetInstances(b(s).instance_ids as string[]),
  BatchShowInstance: (c, s) => c.batchQueryStatus(b(s).instance_ids as string[]),
  BatchShowSku: (c) => c.listSkus('0'),
  CancelInstance: (c, s) => c.unassignInstances(b(s).user_instances as never),
  CreateInstance: (c, s) => c.createInstances(b(s) as never),
  DeleteInstance: (c, s) => c.deleteInstances(b(s).instanceIdList as string[]),
  ExecuteInstanceAuthToken: (c) => c.getDeviceToken('inst0001'),
  ExecuteJob: (c, s) => c.getTask(decodeURIComponent(s.path.split('/').pop()!)),
  InstallApp: (c, s) => c.installApp(b(s) as never),
  ListInstanceApp: (c) => c.listInstanceApps('inst0001', { pageNo: 1, pageSize: 10, appType: 2 }),
  ListInstances: (c, s) =>
    c.listInstances({
      pageNo: 1,
      pageSize: 10,
      instanceId: q(s, 'instance_id'),
      instanceName: q(s, 'instance_name'),
      poolSceneTag: q(s, 'pool_scene_tag'),
      queryStartTime: q(s, 'query_start_time'),
      queryEndTime: q(s, 'query_end_time'),
      order: 'asc',
      orderBy: q(s, 'order_by'),
      poolName: q(s, 'pool_name'),
    }),
  ProvisionInstance: (c, s) => c.assignInstances(b(s).user_instances as never),
  SetVideo: (c, s) => c.setVideoConfig(b(s) as never),
  ShowProgress: (c, s) => c.getPrepareProgress(b(s).user_id as string, b(s).instance_id as string),
  StopInstancesSession: (c, s) => c.releaseSession(b(s).instance_id as string),
  StopInstancesStreaming: (c, s) => c.stopStreaming(b(s).instance_id as string),
  SyncInvokeInstance: (c, s) => c.syncCommand(b(s).command as string, b(s).instance_ids as string[]),
};

/** Values the client's own limits need (the facts' placeholders are shapes, not meanings). */
const OVERRIDES = {
  instance_id: 'inst0001',
  instance_ids: ['inst0001'],
  instanceIdList: ['inst0001'],
  instance_id_list: ['inst0001'],
  user_id: 'user0001',
  instanceNamePrefix: 'sdk',
  code_rate: 1000,
  fps: 30,
  periodNum: 1,
  fast_install: '0',
  error_code: '0',
};

describe(`client conformance with the official SDK ${facts.source.release} (${facts.source.commit.slice(0, 10)})`, () => {
  let fixture: WireFixture;
  let client: KooPhoneClient;
  let answer: unknown;
  beforeAll(async () => {
    fixture = await startWireFixture(() => ({ status: 200, body: answer }));
    client = new KooPhoneClient({ endpoint: fixture.url, auth: { kind: 'token', token: 'test-token' }, maxRetries: 0 });
  });
  afterAll(async () => {
    await client.close();
    await fixture.close();
  });

  it('has a client call for every SDK operation', () => {
    expect(Object.keys(facts.operations).filter((op) => !CALLS[op])).toEqual([]);
  });

  it.each(Object.keys(facts.operations))('%s: reads the full SDK response and sends every SDK field', async (name) => {
    const op = facts.operations[name];
    const sample = sdkRequest(facts, op, OVERRIDES);
    answer = sampleModel(facts, op.response, OVERRIDES);
    fixture.requests.length = 0;
    await expect(CALLS[name](client, sample)).resolves.not.toBeInstanceOf(Error);
    const sent = fixture.requests[0];
    expect([sent.method, sent.path]).toEqual([op.method, sample.path]);
    expect(Object.keys(sample.query).filter((k) => !(k in sent.query))).toEqual([]);
    expect(Object.keys(sample.headers).filter((h) => !(h in sent.headers))).toEqual([]);
    const sentFields = new Set(fieldPaths(sent.body));
    expect(fieldPaths(sample.body).filter((p) => !sentFields.has(p))).toEqual([]);
  });
});
