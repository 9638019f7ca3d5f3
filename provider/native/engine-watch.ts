import { grpc } from './grpc-modules';

/** How often the engine is asked whether it is alive, and how many failed asks in a row end the plugin. */
const CHECK_INTERVAL_MS = 2000;
const FAILURES_TO_EXIT = 2;

/**
 * Ends the process once the engine that started it is gone (killed, crashed): the engine does not always get to
 * close its plugins, and a provider left behind would hold its API connections for nothing. Like the Go providers'
 * rpcutil.Healthcheck it asks the engine's gRPC health service; UNIMPLEMENTED still means a live engine answered.
 * Exits within CHECK_INTERVAL_MS × (FAILURES_TO_EXIT + 1), about 6 s, of the engine's end.
 */
export function exitWhenEngineGone(address: string, exit: () => void = () => process.exit(0)): () => void {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  let failures = 0;
  const timer = setInterval(() => {
    client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      () => Buffer.alloc(0),
      (b: Buffer) => b,
      Buffer.alloc(0),
      { deadline: Date.now() + CHECK_INTERVAL_MS },
      (err) => {
        const alive = !err || err.code === grpc.status.UNIMPLEMENTED;
        failures = alive ? 0 : failures + 1;
        if (failures >= FAILURES_TO_EXIT) {
          clearInterval(timer);
          exit();
        }
      },
    );
  }, CHECK_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    client.close();
  };
}
