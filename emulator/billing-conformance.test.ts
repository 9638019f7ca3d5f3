import { z } from 'zod';
import * as client from '../provider/schemas/wire/billing';
import { queryBody, renewBody, toOnDemandBody } from './model/billing-requests';
import { EmulatorHarness } from './testing/emulator-harness';

/**
 * The emulator's billing (BSS v2) request shapes (model/billing-requests.ts) and the client's
 * (provider/schemas/wire/billing.ts) are written independently from docs/api/billing.md. This test holds both to the
 * same documented facts, written here as literal JSON rather than taken from either side: the field names, the
 * examples, and each limit (just inside accepted by both, just outside refused by both). The emulator's answers must
 * parse with the client's response schemas and use only documented field names.
 */

const ids = (n: number) => Array.from({ length: n }, (_, i) => `phone${i}`);

interface DocumentedCall {
  emulator: z.ZodType;
  client: z.ZodType;
  /** Every request field the page names. */
  fields: string[];
  accepted: Record<string, unknown>[];
  refused: [string, Record<string, unknown>][];
}

const CALLS: Record<string, DocumentedCall> = {
  'query (POST /v2/orders/suscriptions/resources/query)': {
    emulator: queryBody,
    client: client.querySubscriptionsRequestSchema,
    fields: [
      'resource_ids',
      'order_id',
      'only_main_resource',
      'status_list',
      'offset',
      'limit',
      'expire_time_begin',
      'expire_time_end',
    ],
    accepted: [
      {},
      { resource_ids: ['a1b2c3d4'], only_main_resource: 1, limit: 50 },
      { order_id: 'CS2311173000001', only_main_resource: 1, limit: 500, offset: 500 },
      {
        resource_ids: ids(50),
        status_list: [2, 4, 5],
        limit: 1,
        expire_time_begin: '2019-05-06T08:05:01Z',
        expire_time_end: '2024-06-01T02:00:00Z',
      },
    ],
    refused: [
      ['51 ids', { resource_ids: ids(51) }],
      ['an id of 65 characters', { resource_ids: ['x'.repeat(65)] }],
      ['limit 0', { limit: 0 }],
      ['limit 501', { limit: 501 }],
      ['offset -1', { offset: -1 }],
      ['only_main_resource 2', { only_main_resource: 2 }],
      ['a time without the UTC format', { expire_time_end: '2024-06-01 02:00:00' }],
      ['a misspelt field', { resource_id: ['a1b2c3d4'] }],
    ],
  },
  'renew (POST /v2/orders/subscriptions/resources/renew)': {
    emulator: renewBody,
    client: client.renewSubscriptionsRequestSchema,
    fields: ['resource_ids', 'period_type', 'period_num', 'expire_policy', 'is_auto_pay'],
    accepted: [
      { resource_ids: ['a1b2c3d4'], period_type: 2, period_num: 1, expire_policy: 0, is_auto_pay: 1 },
      { resource_ids: ids(10), period_type: 2, period_num: 11, expire_policy: 0, is_auto_pay: 0 },
      { resource_ids: ['a1b2c3d4'], period_type: 3, period_num: 3, expire_policy: 0 },
    ],
    refused: [
      ['no ids', { resource_ids: [], period_type: 2, period_num: 1, expire_policy: 0 }],
      ['11 ids', { resource_ids: ids(11), period_type: 2, period_num: 1, expire_policy: 0 }],
      ['period_type 1', { resource_ids: ['a1b2c3d4'], period_type: 1, period_num: 1, expire_policy: 0 }],
      ['12 months', { resource_ids: ['a1b2c3d4'], period_type: 2, period_num: 12, expire_policy: 0 }],
      ['4 years', { resource_ids: ['a1b2c3d4'], period_type: 3, period_num: 4, expire_policy: 0 }],
      ['0 periods', { resource_ids: ['a1b2c3d4'], period_type: 2, period_num: 0, expire_policy: 0 }],
      ['no expire_policy (mandatory)', { resource_ids: ['a1b2c3d4'], period_type: 2, period_num: 1 }],
      [
        'is_auto_pay 2',
        { resource_ids: ['a1b2c3d4'], period_type: 2, period_num: 1, expire_policy: 0, is_auto_pay: 2 },
      ],
    ],
  },
  'to-on-demand (POST /v2/orders/subscriptions/resources/to-on-demand)': {
    emulator: toOnDemandBody,
    client: client.toOnDemandRequestSchema,
    fields: ['operation', 'resource_ids'],
    accepted: [
      { operation: 'SET_UP', resource_ids: ['a1b2c3d4'] },
      { operation: 'CANCEL', resource_ids: ids(100) },
    ],
    refused: [
      ['no ids', { operation: 'SET_UP', resource_ids: [] }],
      ['101 ids', { operation: 'SET_UP', resource_ids: ids(101) }],
      ['another operation', { operation: 'set_up', resource_ids: ['a1b2c3d4'] }],
    ],
  },
};

/** OrderInstanceV2 as docs/api/billing.md lists it. */
const ORDER_INSTANCE_FIELDS = [
  'id',
  'resource_id',
  'resource_name',
  'region_code',
  'service_type_code',
  'resource_type_code',
  'resource_spec_code',
  'project_id',
  'product_id',
  'parent_resource_id',
  'is_main_resource',
  'status',
  'effective_time',
  'expire_time',
  'expire_policy',
];

function fieldsOf(schema: z.ZodType): string[] {
  if (!(schema instanceof z.ZodObject)) throw new Error('expected an object schema');
  return Object.keys(schema.shape).sort();
}

const accepts = (schema: z.ZodType, body: unknown) => schema.safeParse(body).success;

describe.each(Object.entries(CALLS))('billing %s: emulator and client hold to the documented request', (_, call) => {
  it('both spell exactly the documented fields', () => {
    expect(fieldsOf(call.emulator)).toEqual([...call.fields].sort());
    expect(fieldsOf(call.client)).toEqual([...call.fields].sort());
  });

  it.each(call.accepted.map((body) => [JSON.stringify(body).slice(0, 80), body]))('both accept %s', (_, body) => {
    expect({ emulator: accepts(call.emulator, body), client: accepts(call.client, body) }).toEqual({
      emulator: true,
      client: true,
    });
  });

  it.each(call.refused)('both refuse %s', (_, body) => {
    expect({ emulator: accepts(call.emulator, body), client: accepts(call.client, body) }).toEqual({
      emulator: false,
      client: false,
    });
  });
});

describe("the emulator's billing answers parse with the client's response schemas", () => {
  let emu: EmulatorHarness;
  let id: string;
  beforeAll(async () => {
    emu = await EmulatorHarness.start();
    [id] = await emu.seedInstances([{ instanceName: 'bill-00001', instanceId: 'a1b2c3d4' }]);
  });
  afterAll(() => emu.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await emu.api(method, path, { body, requestId: false });
    expect(res.status).toBeLessThan(300);
    return res.json;
  };

  it('query: every row in the documented OrderInstanceV2 fields, as the client reads them', async () => {
    const answer = await call('POST', '/v2/orders/suscriptions/resources/query', { resource_ids: [id], limit: 50 });
    const parsed = client.querySubscriptionsResponseSchema.parse(answer);
    expect(parsed.data.map((row) => row.resource_id)).toEqual([id]);
    for (const row of answer.data)
      expect(Object.keys(row).filter((k) => !ORDER_INSTANCE_FIELDS.includes(k))).toEqual([]);
    expect(fieldsOf(client.orderInstanceSchema).filter((k) => !ORDER_INSTANCE_FIELDS.includes(k))).toEqual([]);
  });

  it('renew: order_ids', async () => {
    const body = { resource_ids: [id], period_type: 2, period_num: 1, expire_policy: 0, is_auto_pay: 1 };
    const answer = await call('POST', '/v2/orders/subscriptions/resources/renew', body);
    expect(Object.keys(answer)).toEqual(['order_ids']);
    expect(client.renewSubscriptionsResponseSchema.parse(answer).order_ids).toHaveLength(1);
  });

  it('to-on-demand: error_details of the failed ids only', async () => {
    const body = { operation: 'SET_UP', resource_ids: [id, 'nosuchid'] };
    const answer = await call('POST', '/v2/orders/subscriptions/resources/to-on-demand', body);
    const parsed = client.toOnDemandResponseSchema.parse(answer);
    expect(parsed.error_details.map((d) => d.resource_id)).toEqual(['nosuchid']);
    expect(Object.keys(answer.error_details[0]).sort()).toEqual(['error_code', 'error_msg', 'resource_id']);
  });

  it('auto-renew on and off: 204 with no body, which the client reads as {} (emptyBssResponseSchema)', async () => {
    for (const method of ['POST', 'DELETE']) {
      const res = await emu.api(method, `/v2/orders/subscriptions/resources/autorenew/${id}`, { requestId: false });
      expect([res.status, res.text]).toEqual([204, '']);
    }
  });
});
