import { KooPhoneClient, type KooPhoneClientOptions } from './index';
import {
  AuthFailedError,
  InvalidArgumentError,
  KooPhoneApiError,
  KooPhoneNetworkError,
  KooPhoneOutcomeUnknownError,
  KooPhoneUnexpectedResponseError,
  NotFoundError,
  RateLimitedError,
} from './errors';
import { parseRetryAfter } from './transport';
import { fail, ok, startWireFixture, type Script, type WireFixture } from './testing/wire-fixture';

/** Odd wire cases against a scripted fastify server on 127.0.0.1:0 (delays are recorded, never timed). */

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = 'MIIstatic-token-for-tests-0123456789';
const CREATE = {
  os: 'AOSP11',
  instanceSkuId: 'kp.professional.xlarge.32g.2',
  bandSkuId: 'kp.bandwidth',
  regionId: 'cn-north-4',
  instanceNamePrefix: 'kp-test',
  bandSize: 4,
  count: 1,
  chargeParam: { chargingMode: 1, periodType: 2, periodNum: 1, isAutoPay: 1 },
};
const CREATED = {
  orderId: 'CS2412261442DBN4E',
  instanceInfos: [{ instanceId: '11J6QVu5', instanceName: 'kp-test-00001' }],
};

let fixture: WireFixture | undefined;
const clients: KooPhoneClient[] = [];
let delays: number[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fixture?.close();
  fixture = undefined;
  delays = [];
});

async function serve(script: Script): Promise<WireFixture> {
  fixture = await startWireFixture(script);
  return fixture;
}

function client(url: string, extra: Partial<KooPhoneClientOptions> = {}): KooPhoneClient {
  const c = new KooPhoneClient(
    { endpoint: url, auth: { kind: 'token', token: TOKEN }, retryBaseMs: 100, maxRetries: 3, ...extra },
    {
      // Record what the loop asks for instead of waiting; random 0.5 makes the jitter exactly 12.5 %.
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
    },
  );
  clients.push(c);
  return c;
}

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('retries on idempotent calls', () => {
  it('retries 503 with exponential backoff (base·2ⁿ minus jitter) and then succeeds', async () => {
    const f = await serve((_r, i) =>
      i < 2 ? { status: 503, body: 'busy' } : ok({ status_results: [{ instance_id: 'a44uhlf7', status: 2 }] }),
    );
    const result = await client(f.url).batchQueryStatus(['a44uhlf7']);
    expect(result).toEqual([{ instance_id: 'a44uhlf7', status: 2 }]);
    expect(f.requests).toHaveLength(3);
    expect(delays).toEqual([88, 175]); // 100·2⁰·0.875 rounded, 100·2¹·0.875
  });

  it('gives up after maxRetries with a retryable typed error carrying status, code and request id', async () => {
    const f = await serve(() => fail(500, 'KOOPHONE.API.9999', 'internal error'));
    const err = await rejectionOf(client(f.url, { maxRetries: 2 }).rebootInstances(['a44uhlf7']));
    expect(err).toBeInstanceOf(KooPhoneApiError);
    const e = err as KooPhoneApiError;
    expect(f.requests).toHaveLength(3);
    expect(delays).toEqual([88, 175]);
    expect(e).toMatchObject({
      status: 500,
      code: 'KOOPHONE.API.9999',
      apiMessage: 'internal error',
      endpoint: 'reboot',
      retryable: true,
    });
    expect(e.requestId).toBe(f.requests[2].headers['x-request-id']);
    expect(e.message).toContain('KOOPHONE.API.9999');
  });

  it('honours Retry-After seconds on 429 instead of its own backoff, and ends in RateLimitedError', async () => {
    const f = await serve(() => fail(429, 'APIGW.0308', 'throttled', { 'retry-after': '2' }));
    const err = await rejectionOf(client(f.url, { maxRetries: 2 }).listSkus());
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(f.requests).toHaveLength(3);
    expect(delays).toEqual([2000, 2000]);
  });

  it('falls back to backoff when Retry-After asks for more than a minute', async () => {
    const f = await serve((_r, i) => (i === 0 ? fail(503, 'HTTP', 'x', { 'retry-after': '3600' }) : ok({ jobs: [] })));
    await client(f.url).getTask('6837531fd3f54550927b930180a706bf');
    expect(delays).toEqual([88]);
  });

  it('retries the busy codes 2005/2006 even when they come with HTTP 200, and 408/409', async () => {
    const replies = [
      fail(200, 'KOOPHONE.API.2005'),
      fail(200, 'KooPhone.API.2006'),
      { status: 408, body: '' },
      { status: 409, body: '' },
      ok(),
    ];
    const f = await serve((_r, i) => replies[i]);
    await client(f.url, { maxRetries: 5 }).resetInstances(['a44uhlf7']);
    expect(f.requests).toHaveLength(5);
    expect(delays).toHaveLength(4);
  });

  it('retries a dropped connection on a read', async () => {
    const f = await serve((_r, i) => (i === 0 ? { drop: true } : ok({ status: 0, waitingCount: 0 })));
    await expect(client(f.url).getPrepareProgress('1008600000104285462', 'a44uhlf7')).resolves.toEqual({
      status: 0,
      waitingCount: 0,
    });
    expect(f.requests).toHaveLength(2);
  });

  it('flags a refusal that follows a lost answer: the earlier attempt may have been applied', async () => {
    const f = await serve((_r, i) => (i === 0 ? { drop: true } : fail(400, 'KOOPHONE.API.5005', 'not running')));
    const err = (await rejectionOf(client(f.url).rebootInstances(['a44uhlf7']))) as KooPhoneApiError;
    expect(err.maybeAppliedEarlier).toBe(true);
    expect(err.message).toMatch(/earlier attempt .* may have been applied/);
    const g = await startWireFixture((_r, i) => (i === 0 ? fail(429, 'APIGW.0308') : fail(400, 'KOOPHONE.API.5005')));
    const throttledFirst = (await rejectionOf(client(g.url).rebootInstances(['a44uhlf7']))) as KooPhoneApiError;
    await g.close();
    expect(throttledFirst.maybeAppliedEarlier).toBe(false);
  });

  it('does not retry definite refusals: 4001 → NotFoundError, 1000 → InvalidArgumentError, 5005 → plain error', async () => {
    const replies = [
      fail(200, 'KOOPHONE.API.4001', 'instance not exist'),
      fail(400, 'KOOPHONE.API.1000'),
      fail(400, 'KOOPHONE.API.5005'),
    ];
    const f = await serve((_r, i) => replies[i]);
    const c = client(f.url);
    expect(await rejectionOf(c.prepareInstances('u1', ['gone0001']))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(c.rebootInstances(['a44uhlf7']))).toBeInstanceOf(InvalidArgumentError);
    const notRunning = (await rejectionOf(c.rebootInstances(['a44uhlf7']))) as KooPhoneApiError;
    expect(notRunning.constructor).toBe(KooPhoneApiError);
    expect(notRunning.explanation).toMatch(/running_status 2/);
    expect(f.requests).toHaveLength(3);
    expect(delays).toEqual([]);
  });
});

describe('non-idempotent calls (create, delete) are never replayed once they may have been applied', () => {
  it.each([
    ['HTTP 500 with 9999', () => fail(500, 'KOOPHONE.API.9999', 'internal')],
    ['HTTP 502 without a body', () => ({ status: 502, body: '<html>bad gateway</html>' })],
    ['HTTP 200 with 9999', () => fail(200, 'KOOPHONE.API.9999')],
    ['a dropped response', () => ({ drop: true })],
  ])('create: %s → KooPhoneOutcomeUnknownError after exactly one request', async (_name, reply) => {
    const f = await serve(reply);
    const err = await rejectionOf(client(f.url).createInstances(CREATE));
    expect(err).toBeInstanceOf(KooPhoneOutcomeUnknownError);
    const e = err as KooPhoneOutcomeUnknownError;
    expect(f.requests).toHaveLength(1);
    expect(e.endpoint).toBe('create');
    expect(e.requestId).toBe(f.requests[0].headers['x-request-id']);
    expect(e.message).toBe(
      `${e.explanation} (create: ${e.status ? `HTTP ${e.status}, ` : ''}error code ${e.code}, request id ${e.requestId})`,
    );
  });

  it('delete: a timeout → OutcomeUnknown after one request', async () => {
    const f = await serve(() => ({ ...ok(), delayMs: 1500 }));
    const err = await rejectionOf(client(f.url, { timeoutMs: 200 }).deleteInstances(['a44uhlf7']));
    expect(err).toBeInstanceOf(KooPhoneOutcomeUnknownError);
    expect((err as KooPhoneOutcomeUnknownError).code).toBe('NETWORK.UND_ERR_HEADERS_TIMEOUT');
    expect(f.requests).toHaveLength(1);
  });

  it('create: a 2xx "0" answer with a malformed body → OutcomeUnknown naming the field', async () => {
    const f = await serve(() =>
      ok({ orderId: 'CS1', instanceInfos: [{ instanceId: 7, instanceName: 'kp-test-00001' }] }),
    );
    const err = (await rejectionOf(client(f.url).createInstances(CREATE))) as KooPhoneOutcomeUnknownError;
    expect(err).toBeInstanceOf(KooPhoneOutcomeUnknownError);
    expect(err.message).toContain('data.instanceInfos[0].instanceId');
    expect(f.requests).toHaveLength(1);
  });

  it('create: 429 / APIGW.0308 is replayed (the gateway throttles before forwarding) and the order is placed once', async () => {
    const f = await serve((_r, i) =>
      i === 0 ? fail(429, 'APIGW.0308', 'throttled', { 'retry-after': '1' }) : ok(CREATED),
    );
    await expect(client(f.url).createInstances(CREATE)).resolves.toEqual(CREATED);
    expect(f.requests).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });

  it('delete: a definite refusal (5001) is a typed error, not an unknown outcome', async () => {
    const f = await serve(() => fail(400, 'KOOPHONE.API.5001', 'pay per use'));
    const err = (await rejectionOf(client(f.url).deleteInstances(['ppu00001']))) as KooPhoneApiError;
    expect(err.name).toBe('PayPerUseNotDeletableError');
    expect(err.explanation).toMatch(/console/);
    expect(f.requests).toHaveLength(1);
  });

  it('create: connection refused before sending is retried, and the order is placed once', async () => {
    const probe = await startWireFixture(() => ok());
    const port = probe.port;
    await probe.close();
    const c = new KooPhoneClient(
      { endpoint: `http://127.0.0.1:${port}`, auth: { kind: 'token', token: TOKEN }, retryBaseMs: 1 },
      {
        // The first attempt finds nothing listening; the server comes up during the backoff.
        sleep: async (ms) => {
          delays.push(ms);
          fixture ??= await startWireFixture(() => ok(CREATED), port);
        },
      },
    );
    clients.push(c);
    await expect(c.createInstances(CREATE)).resolves.toEqual(CREATED);
    expect(delays).toHaveLength(1);
    expect(fixture!.requests).toHaveLength(1);
  });

  it('a read against a closed port ends in KooPhoneNetworkError after maxRetries', async () => {
    const probe = await startWireFixture(() => ok());
    await probe.close();
    const err = await rejectionOf(client(probe.url, { maxRetries: 2 }).listSkus());
    expect(err).toBeInstanceOf(KooPhoneNetworkError);
    expect((err as KooPhoneNetworkError).code).toBe('NETWORK.ECONNREFUSED');
    expect(delays).toHaveLength(2);
  });
});

describe('wire hygiene', () => {
  it('reads every error body to the end, so one keep-alive socket serves all attempts', async () => {
    const big = JSON.stringify({ error_code: 'KOOPHONE.API.9999', error_msg: 'x'.repeat(1_000_000) });
    const f = await serve((_r, i) => (i < 3 ? { status: 503, body: big } : ok({ status_results: [] })));
    await client(f.url, { concurrency: 1 }).batchQueryStatus(['a44uhlf7']);
    expect(f.requests).toHaveLength(4);
    expect(new Set(f.requests.map((r) => r.remotePort)).size).toBe(1);
  });

  it('keeps at most `concurrency` requests in flight per origin, process-wide: the strictest client sets the limit', async () => {
    const f = await serve(() => ({ ...ok({ status_results: [] }), delayMs: 30 }));
    // The first client opens the shared pool with 5 sockets; the second tightens the shared limit to 2.
    const a = client(f.url, { concurrency: 5 });
    const b = client(f.url, { concurrency: 2 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).batchQueryStatus(['a44uhlf7'])));
    expect(f.requests).toHaveLength(20);
    expect(f.maxInFlight).toBe(2);
  });

  it('uses the whole limit when requests queue up', async () => {
    const f = await serve(() => ({ ...ok({ status_results: [] }), delayMs: 30 }));
    const c = client(f.url, { concurrency: 4 });
    await Promise.all(Array.from({ length: 12 }, () => c.batchQueryStatus(['a44uhlf7'])));
    expect(f.maxInFlight).toBe(4);
  });

  it('sends a fresh UUID v4 x-request-id on every request, and in the query for batch-query', async () => {
    const f = await serve((r, i) =>
      i === 0
        ? { status: 503, body: '' }
        : r.path.endsWith('batch-query')
          ? ok({ result: [], total_count: 0 })
          : ok({ status_results: [] }),
    );
    const c = client(f.url);
    await c.batchQueryStatus(['a44uhlf7']);
    await c.listInstances({ pageNo: 1, pageSize: 10 });
    const ids = f.requests.map((r) => r.headers['x-request-id']);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(3);
    expect(f.requests[2].query['x-request-id']).toBe(ids[2]);
    expect(f.requests[2].query).toMatchObject({ page_no: '1', page_size: '10' });
    expect(f.requests[0].headers['x-auth-token']).toBe(TOKEN);
  });

  it('refuses an invalid request locally, naming the field, without sending anything', async () => {
    const f = await serve(() => ok());
    const c = client(f.url);
    const tooMany = Array.from({ length: 101 }, (_, i) => `id${i}`);
    const e1 = (await rejectionOf(c.rebootInstances(tooMany))) as InvalidArgumentError;
    expect(e1).toBeInstanceOf(InvalidArgumentError);
    expect(e1.field).toBe('instance_ids');
    const e2 = (await rejectionOf(
      c.createInstances({ ...CREATE, chargeParam: { ...CREATE.chargeParam, periodNum: 10 } }),
    )) as InvalidArgumentError;
    expect(e2.field).toBe('chargeParam.periodNum');
    expect(e2.message).toContain('1–9');
    const e3 = (await rejectionOf(c.batchQueryStatus(['x'.repeat(33)]))) as InvalidArgumentError;
    expect(e3.field).toBe('instance_ids[0]');
    expect(f.requests).toHaveLength(0);
  });
});

describe('malformed answers are errors that name the field', () => {
  it.each([
    [
      'a wrong type deep inside data',
      ok({ status_results: [{ instance_id: 'a44uhlf7', status: '2' }] }),
      'data.status_results[0].status',
    ],
    ['a missing data object', ok(), 'data'],
    ['no envelope at all', { status: 200, body: { hello: 'world' } }, 'error_code'],
    ['a body that is not JSON', { status: 200, body: 'not json' }, 'error_code'],
  ])('%s', async (_name, reply, field) => {
    const f = await serve(() => reply);
    const err = (await rejectionOf(client(f.url).batchQueryStatus(['a44uhlf7']))) as KooPhoneUnexpectedResponseError;
    expect(err).toBeInstanceOf(KooPhoneUnexpectedResponseError);
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
    expect(f.requests).toHaveLength(1);
  });

  it('accepts batch-query paging beside data as well as inside it (docs/api/ambiguities.md#a2)', async () => {
    const record = { instance_id: 'a44uhlf7', instance_name: 'kp-00001', running_status: 2 };
    const f = await serve((_r, i) =>
      i === 0
        ? {
            status: 200,
            body: {
              data: { result: [record], page_no: 1, page_size: 100, total_count: 1, error_code: '0', error_msg: 'OK' },
            },
          }
        : {
            status: 200,
            body: {
              error_code: '0',
              error_msg: 'OK',
              page_no: 1,
              page_size: 100,
              total_count: 1,
              data: { result: [record] },
            },
          },
    );
    const c = client(f.url);
    const inside = await c.listInstances({ pageNo: 1, pageSize: 100 });
    const beside = await c.listInstances({ pageNo: 1, pageSize: 100 });
    expect(inside).toEqual(beside);
    expect(inside).toMatchObject({ totalCount: 1, pageNo: 1, pageSize: 100 });
  });
});

describe('secrets stay out of errors', () => {
  it('scrubs a token the server echoes back', async () => {
    const f = await serve((r) => fail(400, 'KOOPHONE.API.1000', `bad header ${r.headers['x-auth-token']}`));
    const err = (await rejectionOf(client(f.url).rebootInstances(['a44uhlf7']))) as KooPhoneApiError;
    expect(err.message).not.toContain(TOKEN);
    expect(err.apiMessage).not.toContain(TOKEN);
    expect(err.message).toContain('[redacted]');
  });

  it('a 401 with a static token is final: AuthFailedError after one request', async () => {
    const f = await serve(() => fail(401, 'APIGW.0301', 'Incorrect IAM authentication information'));
    const err = await rejectionOf(client(f.url).listSkus());
    expect(err).toBeInstanceOf(AuthFailedError);
    expect(f.requests).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
