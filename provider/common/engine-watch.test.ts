import { createServer, type Server } from 'node:net';
import { exitWhenEngineGone } from './engine-watch';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exitWhenEngineGone', () => {
  it('keeps the process while the engine accepts connections, and ends it once the engine refuses them', async () => {
    const engine = createServer((socket) => socket.destroy());
    const port = await listen(engine);
    let exits = 0;
    const stop = exitWhenEngineGone(`127.0.0.1:${port}`, { intervalMs: 50, exit: () => exits++ });
    try {
      await sleep(300);
      expect(exits).toBe(0);
      await new Promise((r) => engine.close(r));
      await sleep(400);
      expect(exits).toBe(1);
    } finally {
      stop();
    }
  });
});
