import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startEmulator } from './index';

async function json(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const res = await request(url, { method: (init.method ?? 'GET') as 'GET', headers: init.headers, body: init.body });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const TOKEN_REQUEST = JSON.stringify({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: 'demo', password: 'demo-password', domain: { name: 'demo' } } },
    },
    scope: { project: { name: 'cn-north-4' } },
  },
});

describe('startEmulator', () => {
  it('listens on 127.0.0.1 with a url without trailing slash', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await emu.close();
    }
  });

  it('keeps phones, tokens and the virtual clock across a restart on the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kp-emu-'));
    try {
      const first = await startEmulator({ dataDir, provisionSeconds: 30 });
      const token = (await json(`${first.url}/v3/auth/tokens`, { method: 'POST', body: TOKEN_REQUEST })).headers[
        'x-subject-token'
      ] as string;
      const seeded = await json(`${first.url}/_emulator/seed`, {
        method: 'POST',
        body: JSON.stringify({ instances: [{ instanceName: 'keep-00001' }] }),
      });
      const id = seeded.body.instances[0].instanceId as string;
      const headers = { 'x-auth-token': token, 'x-request-id': 'persist-1', 'content-type': 'application/json' };
      await json(`${first.url}/v1/instances/reboot`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ instance_ids: [id] }),
      });
      await json(`${first.url}/_emulator/clock`, { method: 'POST', body: '{"advanceSeconds":7200}' });
      await first.close();

      const second = await startEmulator({ dataDir });
      try {
        const clock = await json(`${second.url}/_emulator/clock`, { method: 'POST', body: '{"advanceSeconds":0}' });
        expect(clock.body.offsetSeconds).toBeGreaterThanOrEqual(7200);
        const status = await json(`${second.url}/v1/instances/batch-query-status`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ instance_ids: [id] }),
        });
        // The reboot's 30 s transition completed during the 2 h the clock moved.
        expect(status.body).toEqual({
          error_code: '0',
          error_msg: 'ok',
          data: { status_results: [{ instance_id: id, status: 2 }] },
        });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps nothing between in-memory emulators', async () => {
    const a = await startEmulator({ dataDir: null });
    await json(`${a.url}/_emulator/seed`, {
      method: 'POST',
      body: JSON.stringify({ instances: [{ instanceName: 'gone-00001' }] }),
    });
    await a.close();
    const b = await startEmulator({ dataDir: null });
    try {
      expect((await json(`${b.url}/_emulator/instances`)).body.instances).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
