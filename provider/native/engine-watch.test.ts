import { exitWhenEngineGone } from './engine-watch';
import { grpc } from './grpc-modules';

/** A stand-in engine: a gRPC server with no services, so the health check answers UNIMPLEMENTED (alive). */
async function fakeEngine(): Promise<{ address: string; stop: () => void }> {
  const server = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

test('the plugin stays while the engine answers and exits within 10 s of its end', async () => {
  const engine = await fakeEngine();
  let exitedAt: number | undefined;
  const stopWatching = exitWhenEngineGone(engine.address, () => (exitedAt = Date.now()));
  try {
    await new Promise((r) => setTimeout(r, 4500));
    expect(exitedAt).toBeUndefined();
    const stoppedAt = Date.now();
    engine.stop();
    while (exitedAt === undefined && Date.now() - stoppedAt < 12_000) await new Promise((r) => setTimeout(r, 100));
    expect(exitedAt).toBeDefined();
    expect(exitedAt! - stoppedAt).toBeLessThan(10_000);
  } finally {
    stopWatching();
    engine.stop();
  }
}, 20_000);
