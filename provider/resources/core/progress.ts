import { createRequire } from 'node:module';
import type * as grpcTypes from '@grpc/grpc-js';
import type * as engineGrpcTypes from '@pulumi/pulumi/proto/engine_grpc_pb';
import type * as enginePbTypes from '@pulumi/pulumi/proto/engine_pb';

/** Most often a status line is sent to the engine: enough to see a wait move, few enough not to flood the display. */
export const STATUS_INTERVAL_MS = 2000;

export type Severity = 'info' | 'warning';
/** Where engine log messages go: the engine's `Log` RPC in the provider process, a recorder in tests. */
export type LogSink = (entry: { severity: Severity; message: string; urn: string; ephemeral: boolean }) => void;

let sink: LogSink | undefined;
let sinkResolved = false;

/**
 * The engine's address, when this process is the dynamic-provider host: the engine starts it as
 * `node …/cmd/dynamic-provider/index.js <engine address>`, and the host passes no URN to create/update,
 * so resources bring their own URN (the SDK sets it) for messages to show beside them.
 */
export function engineAddress(): string | undefined {
  const [, script, address] = process.argv;
  if (!script || !/dynamic-provider[\\/](index\.js)?$/.test(script)) return undefined;
  return address && /^[^\s]+:\d+$/.test(address) ? address : undefined;
}

/** Log entries sent to the engine at `address` (the native plugin gets it as its first argument). */
export function engineSink(address: string): LogSink | undefined {
  try {
    // Resolved from @pulumi/pulumi's own location: gRPC is its dependency, not this package's.
    const fromPulumi = createRequire(require.resolve('@pulumi/pulumi/proto/engine_grpc_pb'));
    const grpc = fromPulumi('@grpc/grpc-js') as typeof grpcTypes;
    const services = fromPulumi('./engine_grpc_pb') as typeof engineGrpcTypes;
    const messages = fromPulumi('./engine_pb') as typeof enginePbTypes;
    const client = new services.EngineClient(address, grpc.credentials.createInsecure());
    return ({ severity, message, urn, ephemeral }) => {
      const req = new messages.LogRequest();
      req.setSeverity(severity === 'warning' ? messages.LogSeverity.WARNING : messages.LogSeverity.INFO);
      req.setMessage(message);
      req.setUrn(urn);
      req.setEphemeral(ephemeral);
      // Progress is best effort: a lost status line must never fail the operation.
      client.log(req, () => undefined);
    };
  } catch {
    return undefined;
  }
}

function currentSink(): LogSink | undefined {
  if (!sinkResolved) {
    sinkResolved = true;
    const address = engineAddress();
    sink = address ? engineSink(address) : undefined;
  }
  return sink;
}

/** For tests: record log entries instead of sending them (undefined: back to auto-detection). */
export function setLogSink(next: LogSink | undefined): void {
  sink = next;
  sinkResolved = next !== undefined;
}

export interface Progress {
  /** An ephemeral status beside the resource, e.g. `phones running: 640/1000`; throttled unless `force`. */
  status(message: string, force?: boolean): void;
  /** A lasting warning on the resource. */
  warn(message: string): void;
}

/** Progress messages for the resource `urn`; without a URN (or an engine) they go nowhere. */
export function progressFor(urn: string | undefined, intervalMs = STATUS_INTERVAL_MS): Progress {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let lastMessage = '';
  const send = (severity: Severity, message: string, ephemeral: boolean) => {
    const out = currentSink();
    if (out && urn) out({ severity, message, urn, ephemeral });
  };
  return {
    status(message, force = false) {
      const now = Date.now();
      if (message === lastMessage || (!force && now - lastSentAt < intervalMs)) return;
      lastSentAt = now;
      lastMessage = message;
      send('info', message, true);
    },
    warn(message) {
      send('warning', message, false);
    },
  };
}

/** A lasting informational line beside the resource `urn` (a plan's cost, say); nowhere without a URN or engine. */
export function note(urn: string | undefined, message: string): void {
  const out = currentSink();
  if (out && urn) out({ severity: 'info', message, urn, ephemeral: false });
}
