import { messages, struct } from './grpc-modules';
import { decodeStruct, leanDeserializer, leanStruct } from './lean-requests';

const SECRET = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', value: 'pässwörd 🔑' };
const outputs = {
  size: 3,
  ratio: -0.125,
  big: 2 ** 40 + 1,
  waitForReady: true,
  off: false,
  nothing: null,
  name: 'fleet-ab12',
  password: SECRET,
  empty: {},
  none: [],
  instances: [0, 1, 2].map((slot) => ({ slot, instanceId: `id-${slot}`, status: 'running', tags: ['a', { b: [1] }] })),
};
const asStruct = (o: object) => struct.Struct.fromJavaScript(o as never);

describe('lean request deserializers', () => {
  it('decode a Struct exactly as google-protobuf does', () => {
    const bytes = asStruct(outputs).serializeBinary();
    expect(decodeStruct(bytes)).toEqual(struct.Struct.deserializeBinary(bytes).toJavaScript());
    expect(decodeStruct(bytes)).toEqual(outputs);
  });

  it("give a Struct's keys in google-protobuf's sorted order, whatever the wire order (a diff may compare JSON)", () => {
    // Two serialized Structs back to back are one Struct whose entries come in that order: z before a.
    const bytes = Buffer.concat([
      asStruct({ z: { y: 1, b: 2 } }).serializeBinary(),
      asStruct({ a: 1 }).serializeBinary(),
    ]);
    const reference = struct.Struct.deserializeBinary(bytes).toJavaScript();
    expect(JSON.stringify(decodeStruct(bytes))).toBe(JSON.stringify(reference));
    expect(Object.keys(decodeStruct(bytes))).toEqual(['a', 'z']);
  });

  it("take a Diff's olds out of the message and keep every other field", () => {
    const req = new messages.DiffRequest()
      .setId('fleet-ab12')
      .setUrn('urn:pulumi:s::p::koophone:index:InstanceGroup::fleet')
      .setOlds(asStruct(outputs))
      .setNews(asStruct({ size: 4 }))
      .setOldInputs(asStruct({ size: 3 }))
      .setIgnorechangesList(['charge']);
    const lean = leanDeserializer(messages.DiffRequest, { decode: [3] })(Buffer.from(req.serializeBinary()));
    expect(lean.getOlds()).toBeUndefined();
    expect(leanStruct(lean, 3)).toEqual(outputs);
    expect(lean.getId()).toBe('fleet-ab12');
    expect(lean.getUrn()).toBe(req.getUrn());
    expect(lean.getNews()?.toJavaScript()).toEqual({ size: 4 });
    expect(lean.getOldInputs()?.toJavaScript()).toEqual({ size: 3 });
    expect(lean.getIgnorechangesList()).toEqual(['charge']);
  });

  it("never decode Check's old_outputs, and keep its olds and news", () => {
    const req = new messages.CheckRequest()
      .setUrn('urn:pulumi:s::p::koophone:index:InstanceGroup::fleet')
      .setOlds(asStruct({ size: 3 }))
      .setNews(asStruct({ size: 4 }))
      .setOldOutputs(asStruct(outputs))
      .setName('fleet');
    const lean = leanDeserializer(messages.CheckRequest, { skip: [9] })(Buffer.from(req.serializeBinary()));
    expect(lean.getOldOutputs()).toBeUndefined();
    expect(leanStruct(lean, 9)).toBeUndefined();
    expect(lean.getOlds()?.toJavaScript()).toEqual({ size: 3 });
    expect(lean.getNews()?.toJavaScript()).toEqual({ size: 4 });
    expect(lean.getName()).toBe('fleet');
  });

  it('leave a request without those fields as it is', () => {
    const req = new messages.ReadRequest().setId('i-1').setUrn('urn:pulumi:s::p::koophone:index:Instance::a');
    const lean = leanDeserializer(messages.ReadRequest, { decode: [3] })(Buffer.from(req.serializeBinary()));
    expect(leanStruct(lean, 3)).toBeUndefined();
    expect(lean.getId()).toBe('i-1');
  });
});
