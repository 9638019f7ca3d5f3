import { isDeepStrictEqual } from 'node:util';
import type { grpcTypes, providerGrpc, providerPb } from './grpc-modules';
import { any, empty, grpc, messages, plugin, services, status, struct } from './grpc-modules';
import { setConfigLookup } from '../resources/core/runtime';
import { engineSink, setLogSink } from '../resources/core/progress';
import { PartialStateError, describeError } from '../resources/core/partial-state';
import { fillUndeclared } from './import-read';
import { invokeFunction } from './functions';
import { previewCreate } from './preview';
import { definedProps, pick, unwrapSecrets, wrapSecrets, type Props } from './properties';
import { namePrefixDefault, nativeResources, schemaJson, type NativeResource } from './resources';
import { createKeyOf } from './urn';
import { leanDeserializer, leanStruct } from './lean-requests';
import { nameOfUrn, typeOfUrn } from '../common/urn';

type Struct = InstanceType<typeof struct.Struct>;
type Unary<Req, Res> = grpcTypes.handleUnaryCall<Req, Res>;

const toProps = (s: Struct | undefined): Props => (s ? s.toJavaScript() : {});
const toStruct = (p: Props): Struct => struct.Struct.fromJavaScript(definedProps(p) as never);

/** Adapts an async handler to gRPC's callback, turning a thrown error into a status the engine prints. */
function unary<Req, Res>(handler: (req: Req) => Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    handler(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback(errorStatus(err)),
    );
  };
}

/**
 * A failed create or update that left something behind (PartialStateError: a phone bought but not ready) is sent as
 * ErrorResourceInitFailed with its id and state, exactly as the dynamic-provider host does, so the engine keeps it.
 */
/** Runs a create or update; the state a PartialStateError keeps goes back with the call's secrets still secret. */
async function keepSecretOnFailure<T>(operation: () => Promise<T>, out: (p: Props) => Struct): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof PartialStateError) throw new SecretPartialState(err, out(err.properties));
    throw err;
  }
}

/** A PartialStateError whose properties are already encoded (secrets wrapped). */
class SecretPartialState extends Error {
  constructor(
    readonly partial: PartialStateError,
    readonly encoded: Struct,
  ) {
    super(partial.message);
  }
}

function errorStatus(err: unknown): Partial<grpcTypes.StatusObject> {
  const metadata = new grpc.Metadata();
  if (err instanceof SecretPartialState) {
    const detail = new messages.ErrorResourceInitFailed();
    detail.setId(err.partial.id);
    detail.setProperties(err.encoded);
    detail.setReasonsList(err.partial.reasons);
    const packed = new any.Any();
    packed.pack(detail.serializeBinary(), 'pulumirpc.ErrorResourceInitFailed');
    const st = new status.Status();
    st.setCode(grpc.status.UNKNOWN);
    st.setMessage(err.message);
    st.addDetails(packed);
    metadata.add('grpc-status-details-bin', Buffer.from(st.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: describeError(err), metadata };
}

/**
 * The resource type of a call, and its secrets: the provider implementations see plain values, and every property
 * that came in secret, or that the schema marks secret, goes back out secret (the engine hands secrets over because
 * Configure accepts them, and then trusts the provider to keep them).
 */
function resourceOf(urn: string) {
  const token = typeOfUrn(urn);
  const resource = nativeResources().get(token);
  if (!resource) throw new Error(`unknown resource type ${token}`);
  const secrets = new Set(resource.secretNames);
  return {
    resource,
    plain: (s: Struct | undefined): Props => unwrapSecrets(toProps(s), secrets),
    /** A Struct field the lean deserializer decoded already (LEAN_FIELDS), else decoded from the message. */
    plainField: (req: object, field: number, get: () => Struct | undefined): Props =>
      unwrapSecrets(leanStruct(req, field) ?? toProps(get()), secrets),
    out: (p: Props): Struct => toStruct(wrapSecrets(p, secrets)),
  };
}

/**
 * The requests that carry a resource's old outputs (megabytes for a 10,000-phone group): those fields are decoded
 * straight to plain values (lean-requests.ts), and Check's `old_outputs` (9), which check never reads, not at all.
 * Field numbers from pulumi's provider.proto: the old outputs are field 3 in all four requests (`olds` in Diff and
 * Update, `properties` in Read and Delete).
 */
const OLD_OUTPUTS = 3;
const LEAN_FIELDS = {
  check: leanDeserializer(messages.CheckRequest, { skip: [9] }),
  diff: leanDeserializer(messages.DiffRequest, { decode: [OLD_OUTPUTS] }),
  update: leanDeserializer(messages.UpdateRequest, { decode: [OLD_OUTPUTS] }),
  read: leanDeserializer(messages.ReadRequest, { decode: [OLD_OUTPUTS] }),
  delete: leanDeserializer(messages.DeleteRequest, { decode: [OLD_OUTPUTS] }),
};

/** Pulumi's ResourceProvider service definition with the lean request deserializers. */
function leanProviderService(): typeof services.ResourceProviderService {
  const def = { ...services.ResourceProviderService };
  for (const [method, requestDeserialize] of Object.entries(LEAN_FIELDS)) {
    const key = method as keyof typeof LEAN_FIELDS;
    def[key] = { ...def[key], requestDeserialize } as never;
  }
  return def;
}

/**
 * The inputs the dynamic SDK adds on the program side, added here from the URN: the stable key phones are named by,
 * the URN progress is shown beside, and the default name prefix from the resource name.
 */
function withUrnInputs(resource: NativeResource, urn: string, news: Props): Props {
  const added: Props = {};
  if (resource.fromUrn.includes('createKey')) added.createKey = createKeyOf(urn);
  if (resource.fromUrn.includes('resourceUrn')) added.resourceUrn = urn;
  const prefix = namePrefixDefault(resource, nameOfUrn(urn));
  if (prefix !== undefined && news.namePrefix === undefined) added.namePrefix = prefix;
  return { ...news, ...added };
}

const DIFF = messages.DiffResponse.DiffChanges;

/** Read's inputs checked against themselves: never holding createKey, which check adds to every declared resource. */
const isImportCheck = (olds: Props, news: Props): boolean =>
  Object.keys(olds).length > 0 && olds.createKey === undefined && isDeepStrictEqual(olds, news);

/** The ResourceProvider service: a thin layer over the same provider objects the dynamic resources use. */
export function providerService(version: string): Partial<providerGrpc.IResourceProviderServer> {
  return {
    getPluginInfo: unary(async () => new plugin.PluginInfo().setVersion(version)),

    getSchema: unary(async (req: providerPb.GetSchemaRequest) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      return new messages.GetSchemaResponse().setSchema(schemaJson());
    }),

    // Provider config is strings from stack config or the environment; provider/config.ts validates it on first use.
    checkConfig: unary(async (req: providerPb.CheckRequest) => new messages.CheckResponse().setInputs(req.getNews())),

    // Another endpoint or credential changes where calls go, never what a resource is: never a replacement.
    diffConfig: unary(async (req: providerPb.DiffRequest) => {
      const changed = !isDeepStrictEqual(toProps(req.getOlds()), toProps(req.getNews()));
      return new messages.DiffResponse().setChanges(changed ? DIFF.DIFF_SOME : DIFF.DIFF_NONE);
    }),

    /**
     * The `koophone:*` variables, secrets included, are kept in this process only (provider/config.ts falls back to
     * the environment like the dynamic provider). Secret resource properties are accepted and kept secret (resourceOf).
     */
    configure: unary(async (req: providerPb.ConfigureRequest) => {
      // The engine spells the keys `koophone:config:<key>`; provider/config.ts looks up `koophone:<key>`.
      const variables = new Map(
        req
          .getVariablesMap()
          .toArray()
          .map(([k, v]) => [k.replace(/:config:/, ':'), v]),
      );
      setConfigLookup((key) => variables.get(key));
      return new messages.ConfigureResponse()
        .setAcceptsecrets(true)
        .setSupportspreview(true)
        .setAcceptresources(false)
        .setAcceptoutputs(false);
    }),

    check: unary(async (req: providerPb.CheckRequest) => {
      const { resource, plain, out } = resourceOf(req.getUrn());
      const olds = plain(req.getOlds());
      const declared = plain(req.getNews());
      // `pulumi import` checks the inputs Read returned against themselves; they cannot name what the API never
      // reports (import-read.ts), so they are kept as read instead of failing with a "provider bug" warning.
      if (isImportCheck(olds, declared)) return new messages.CheckResponse().setInputs(out(declared));
      const news = withUrnInputs(resource, req.getUrn(), declared);
      const result = await resource.provider.check!(olds, news);
      const res = new messages.CheckResponse().setInputs(out(result.inputs ?? news));
      for (const f of result.failures ?? []) {
        res.addFailures(new messages.CheckFailure().setProperty(f.property).setReason(f.reason));
      }
      return res;
    }),

    diff: unary(async (req: providerPb.DiffRequest) => {
      const { resource, plain, plainField } = resourceOf(req.getUrn());
      const oldInputs = plain(req.getOldInputs());
      const news = plain(req.getNews());
      // Old outputs echo the inputs; an imported resource's declared-only inputs come from the program (import-read.ts).
      const olds = fillUndeclared(
        { ...oldInputs, ...plainField(req, OLD_OUTPUTS, () => req.getOlds()) },
        oldInputs,
        news,
      );
      const result = await resource.provider.diff!(req.getId(), olds, news);
      return new messages.DiffResponse()
        .setChanges(result.changes === false ? DIFF.DIFF_NONE : result.changes ? DIFF.DIFF_SOME : DIFF.DIFF_UNKNOWN)
        .setReplacesList(result.replaces ?? [])
        .setDeletebeforereplace(result.deleteBeforeReplace ?? false);
    }),

    create: unary(async (req: providerPb.CreateRequest) => {
      const { resource, plain, out } = resourceOf(req.getUrn());
      const inputs = plain(req.getProperties());
      if (req.getPreview()) {
        return new messages.CreateResponse().setProperties(out(previewCreate(inputs, resource.outputNames)));
      }
      const result = await keepSecretOnFailure(() => resource.provider.create(inputs), out);
      return new messages.CreateResponse().setId(result.id).setProperties(out((result.outs as Props) ?? {}));
    }),

    read: unary(async (req: providerPb.ReadRequest) => {
      const { resource, plain, plainField, out } = resourceOf(req.getUrn());
      const props = plainField(req, OLD_OUTPUTS, () => req.getProperties());
      const inputs = plain(req.getInputs());
      const res = new messages.ReadResponse();
      if (Object.keys(props).length === 0) {
        // `pulumi import`: nothing in state yet; the inputs returned are what a program declares.
        const imported = resource.importRead
          ? await resource.importRead(req.getId(), req.getUrn())
          : await readForImport(resource, req.getId());
        if (!imported) return res;
        return res.setId(imported.id).setProperties(out(imported.props)).setInputs(out(imported.inputs));
      }
      const result = await resource.provider.read!(req.getId(), props);
      if (!result.id) return res; // gone: refresh drops it
      const outs = result.props ?? props;
      return res
        .setId(result.id)
        .setProperties(out(outs))
        .setInputs(out(Object.keys(inputs).length > 0 ? inputs : pick(outs, resource.inputNames)));
    }),

    update: unary(async (req: providerPb.UpdateRequest) => {
      const { resource, plain, plainField, out } = resourceOf(req.getUrn());
      const olds = { ...plain(req.getOldInputs()), ...plainField(req, OLD_OUTPUTS, () => req.getOlds()) };
      const news = plain(req.getNews());
      if (req.getPreview()) {
        return new messages.UpdateResponse().setProperties(out(resource.previewUpdate(olds, news)));
      }
      const result = await keepSecretOnFailure(() => resource.provider.update!(req.getId(), olds, news), out);
      return new messages.UpdateResponse().setProperties(out(result.outs ?? news));
    }),

    delete: unary(async (req: providerPb.DeleteRequest) => {
      const { resource, plain, plainField } = resourceOf(req.getUrn());
      const props = plainField(req, OLD_OUTPUTS, () => req.getProperties());
      await resource.provider.delete?.(req.getId(), { ...plain(req.getOldInputs()), ...props });
      return new empty.Empty();
    }),

    invoke: unary(async (req: providerPb.InvokeRequest) => {
      const outputs = await invokeFunction(req.getTok(), unwrapSecrets(toProps(req.getArgs()), new Set()));
      return new messages.InvokeResponse().setReturn(toStruct(outputs));
    }),

    // Nothing to abort: in-flight calls end with the engine, which also ends this process (common/engine-watch.ts).
    cancel: unary(async () => new empty.Empty()),
  };
}

/** Import of a type without its own import rule: the provider's read with only the id. */
async function readForImport(resource: NativeResource, id: string) {
  const result = await resource.provider.read!(id, undefined);
  if (!result.id) return undefined;
  const props = result.props ?? {};
  return { id: result.id, props, inputs: pick(props, resource.inputNames) };
}

/**
 * Serves the provider on a free local port and prints the port (the engine reads it from the first output line).
 * `engineAddress` is the engine's first argument: log messages go there, and the process ends when it stops answering.
 */
export async function serve(version: string, engineAddress: string | undefined): Promise<number> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 400 * 1024 * 1024 });
  server.addService(leanProviderService(), providerService(version) as providerGrpc.IResourceProviderServer);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  if (engineAddress) {
    const sink = engineSink(engineAddress);
    if (sink) setLogSink(sink);
  }
  process.stdout.write(`${port}\n`);
  return port;
}
