import { createRequire } from 'node:module';
import type * as grpcTypes from '@grpc/grpc-js';
import type * as providerGrpc from '@pulumi/pulumi/proto/provider_grpc_pb';
import type * as providerPb from '@pulumi/pulumi/proto/provider_pb';
import type * as pluginPb from '@pulumi/pulumi/proto/plugin_pb';
import type * as statusPb from '@pulumi/pulumi/proto/status_pb';
import type * as structPb from 'google-protobuf/google/protobuf/struct_pb';
import type * as emptyPb from 'google-protobuf/google/protobuf/empty_pb';
import type * as anyPb from 'google-protobuf/google/protobuf/any_pb';

/**
 * gRPC and Pulumi's generated protocol modules, resolved from @pulumi/pulumi's own location (they are its
 * dependencies, not this package's), so the plugin speaks exactly the protocol of the SDK it ships with.
 */
const fromPulumi = createRequire(require.resolve('@pulumi/pulumi/proto/provider_pb'));

export const grpc = fromPulumi('@grpc/grpc-js') as typeof grpcTypes;
export const services = fromPulumi('./provider_grpc_pb') as typeof providerGrpc;
export const messages = fromPulumi('./provider_pb') as typeof providerPb;
export const plugin = fromPulumi('./plugin_pb') as typeof pluginPb;
export const status = fromPulumi('./status_pb') as typeof statusPb;
export const struct = fromPulumi('google-protobuf/google/protobuf/struct_pb') as typeof structPb;
export const empty = fromPulumi('google-protobuf/google/protobuf/empty_pb') as typeof emptyPb;
export const any = fromPulumi('google-protobuf/google/protobuf/any_pb') as typeof anyPb;

export type { grpcTypes, providerPb, providerGrpc };
