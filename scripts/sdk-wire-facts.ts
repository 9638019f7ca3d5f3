/**
 * Regenerates test/conformance/sdk-wire-facts.json: the wire facts (method, path, parameters, body/response field
 * names, types, enums, limits) of every KooPhone operation, read from a git mirror of Huawei's official Java SDK
 * (huaweicloud/huaweicloud-sdk-java-v3, folder services/koophone). Only facts are extracted, never code.
 *
 *   npx ts-node scripts/sdk-wire-facts.ts --mirror <git dir> [--commit <sha>] [--out <file>] [--check]
 *
 * --check compares instead of writing and exits 1 when the SDK moved: the next API change shows up as a diff in
 * the fixture, and the conformance tests (emulator/sdk-conformance.test.ts, provider/client/sdk-conformance.test.ts)
 * then say what the project no longer matches.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SDK_REPOSITORY = 'huaweicloud/huaweicloud-sdk-java-v3';
export const SDK_FOLDER = 'services/koophone/src/main/java/com/huaweicloud/sdk/koophone/v1';
export const DEFAULT_OUT = join(__dirname, '..', 'test', 'conformance', 'sdk-wire-facts.json');

export type WireType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** One JSON field (or array item) as the SDK (de)serialises it. */
export interface TypeFact {
  type: WireType;
  /** Name of the model for `object` fields that are SDK models. */
  ref?: string;
  /** Element type of `array` fields (and value type of maps). */
  items?: TypeFact;
  /** Values the SDK's builder offers (its enums accept others when reading). */
  enum?: Array<string | number>;
}

export interface FieldFact extends TypeFact {
  /** Wire name, exactly as on the wire. */
  name: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** The SDK's own description (first paragraph), kept for reviewers. */
  description?: string;
}

export interface ModelFact {
  fields: FieldFact[];
}

export interface ParamFact extends TypeFact {
  name: string;
  in: 'path' | 'query' | 'header';
  /** FieldExistence NON_NULL_NON_EMPTY: the SDK always sends it. */
  required: boolean;
}

export interface OperationFact {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  params: ParamFact[];
  /** Request body model, when the operation has one. */
  body?: { ref: string; required: boolean };
  /** Response model (the envelope: error_code, error_msg, data). */
  response: string;
}

export interface SdkWireFacts {
  source: { repository: string; folder: string; commit: string; release: string };
  /** Keyed by the SDK's operation name (CreateInstance, ListInstances, …). */
  operations: Record<string, OperationFact>;
  models: Record<string, ModelFact>;
}

/** Reads files of one commit of a git mirror (no work tree needed). */
export class MirrorReader {
  constructor(
    private readonly gitDir: string,
    readonly commit: string,
  ) {}

  static open(gitDir: string, commit = 'HEAD'): MirrorReader {
    const sha = execFileSync('git', ['-C', gitDir, 'rev-parse', commit], { encoding: 'utf8' }).trim();
    return new MirrorReader(gitDir, sha);
  }

  read(path: string): string {
    return execFileSync('git', ['-C', this.gitDir, 'show', `${this.commit}:${path}`], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  }

  list(folder: string): string[] {
    const out = execFileSync('git', ['-C', this.gitDir, 'ls-tree', '--name-only', `${this.commit}`, `${folder}/`], {
      encoding: 'utf8',
    });
    return out.split('\n').filter(Boolean);
  }

  subject(): string {
    return execFileSync('git', ['-C', this.gitDir, 'log', '-1', '--format=%s', this.commit], {
      encoding: 'utf8',
    }).trim();
  }
}

const SCALARS: Record<string, WireType> = {
  String: 'string',
  Integer: 'integer',
  Long: 'integer',
  Short: 'integer',
  Double: 'number',
  Float: 'number',
  BigDecimal: 'number',
  Boolean: 'boolean',
  Object: 'any',
  OffsetDateTime: 'string',
  LocalDate: 'string',
};

interface EnumInfo {
  base: WireType;
  values: Array<string | number>;
}

/** Maps a Java type of a model field to its wire type. */
export function javaType(java: string, enums: ReadonlyMap<string, EnumInfo>): TypeFact {
  const t = java.replace(/\s+/g, '');
  const list = /^List<(.+)>$/.exec(t);
  if (list) return { type: 'array', items: javaType(list[1], enums) };
  const map = /^Map<String,(.+)>$/.exec(t);
  if (map) return { type: 'object', items: javaType(map[1], enums) };
  const scalar = SCALARS[t];
  if (scalar) return { type: scalar };
  const e = enums.get(t);
  if (e) return { type: e.base, enum: e.values };
  return { type: 'object', ref: t };
}

/** The `static final class XEnum` blocks of a model file. */
function parseEnums(source: string): Map<string, EnumInfo> {
  const enums = new Map<string, EnumInfo>();
  const re = /public static final class (\w+) \{([\s\S]*?)\n {4}\}/g;
  for (const m of source.matchAll(re)) {
    const [, name, bodyText] = m;
    const base = /private (String|Integer|Long|Double) value;/.exec(bodyText)?.[1] ?? 'String';
    const values: Array<string | number> = [];
    for (const v of bodyText.matchAll(
      new RegExp(`public static final ${name} \\w+ = new ${name}\\(([^)]*)\\);`, 'g'),
    )) {
      values.push(JSON.parse(v[1]) as string | number);
    }
    enums.set(name, { base: SCALARS[base] ?? 'string', values });
  }
  return enums;
}

/** Javadoc of each getter, keyed by lower-cased property name. */
function parseGetterDocs(source: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*public [\w<>, ]+ (?:get|is)(\w+)\(\)/g;
  for (const m of source.matchAll(re)) {
    const lines = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean);
    docs.set(m[2].toLowerCase(), lines);
  }
  return docs;
}

const LIMITS = ['minimum', 'maximum', 'minLength', 'maxLength'] as const;

export function parseModel(source: string): ModelFact {
  const enums = parseEnums(source);
  const docs = parseGetterDocs(source);
  const fields: FieldFact[] = [];
  const re =
    /@JsonProperty\(value = "([^"]+)"\)\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*private ([\w<>, ]+?) (\w+)(?: = [^;]+)?;/g;
  for (const m of source.matchAll(re)) {
    const [, wireName, java, variable] = m;
    fields.push({ name: wireName, ...javaType(java, enums), ...docFacts(docs.get(variable.toLowerCase()) ?? []) });
  }
  return { fields };
}

/** Limits (`maximum: 2000` lines) and the description of one getter's javadoc. */
function docFacts(doc: readonly string[]): Pick<FieldFact, (typeof LIMITS)[number] | 'description'> {
  const out: Pick<FieldFact, (typeof LIMITS)[number] | 'description'> = {};
  for (const line of doc) {
    const limit = /^(\w+): (-?[\d.]+)$/.exec(line);
    if (limit && (LIMITS as readonly string[]).includes(limit[1]))
      out[limit[1] as (typeof LIMITS)[number]] = Number(limit[2]);
  }
  const description = doc
    .filter((l) => !l.startsWith('@') && !/^\w+: -?[\d.]+$/.test(l) && !/^Get \w+$/.test(l))
    .join(' ');
  if (description) out.description = description;
  return out;
}

const LOCATIONS: Record<string, ParamFact['in'] | 'body'> = {
  Path: 'path',
  Query: 'query',
  Header: 'header',
  Body: 'body',
};

/** `requestDocs(op)`: getter docs of the operation's `XxxRequest` class, for parameter limits. */
export function parseMeta(
  source: string,
  requestDocs?: (operation: string) => Map<string, string[]>,
): Record<string, OperationFact> {
  const operations: Record<string, OperationFact> = {};
  for (const block of source.split(/private static HttpRequestDef</).slice(1)) {
    const types = /^(\w+), (\w+)>/.exec(block);
    const method = /HttpMethod\.(\w+)/.exec(block)?.[1];
    const name = /\.withName\("(\w+)"\)/.exec(block)?.[1];
    const path = /\.withUri\("([^"]+)"\)/.exec(block)?.[1];
    if (!types || !method || !name || !path)
      throw new Error(`cannot read an operation of KooPhoneMeta: ${block.slice(0, 120)}`);
    const op: OperationFact = { method: method as OperationFact['method'], path, params: [], response: types[2] };
    const fieldRe =
      /withRequestField\("([^"]+)",\s*LocationType\.(\w+),\s*FieldExistence\.(\w+),\s*TypeCasts\.uncheckedConversion\(([\w.<>]+)\.class\),\s*f -> f\.withMarshaller\(\w+::(?:get|is)(\w+)/g;
    const docs = requestDocs?.(name) ?? new Map<string, string[]>();
    for (const f of block.matchAll(fieldRe)) {
      const [, fieldName, location, existence, java, property] = f;
      const where = LOCATIONS[location];
      if (!where) throw new Error(`${name}: unknown parameter location ${location}`);
      const required = existence === 'NON_NULL_NON_EMPTY';
      if (where === 'body') op.body = { ref: java, required };
      else
        op.params.push({
          name: fieldName,
          in: where,
          required,
          ...javaType(java, new Map()),
          ...docFacts(docs.get(property.toLowerCase()) ?? []),
        });
    }
    operations[name] = op;
  }
  return operations;
}

export function extractFacts(reader: MirrorReader): SdkWireFacts {
  const modelFile = (name: string) => `${SDK_FOLDER}/model/${name}.java`;
  const operations = parseMeta(reader.read(`${SDK_FOLDER}/KooPhoneMeta.java`), (op) =>
    parseGetterDocs(reader.read(modelFile(`${op}Request`))),
  );
  const models: Record<string, ModelFact> = {};
  for (const file of reader.list(`${SDK_FOLDER}/model`).sort()) {
    const name = /(\w+)\.java$/.exec(file)?.[1];
    if (!name || operationRequest(operations, name)) continue;
    models[name] = parseModel(reader.read(file));
  }
  const release = /release ([\d.]+)/.exec(reader.subject())?.[1] ?? 'unknown';
  return {
    source: { repository: SDK_REPOSITORY, folder: SDK_FOLDER, commit: reader.commit, release },
    operations,
    models,
  };
}

/** `XxxRequest` wrappers only hold the parameters already listed in operations; skip them as models. */
function operationRequest(operations: Record<string, OperationFact>, model: string): boolean {
  return Object.keys(operations).some((op) => `${op}Request` === model);
}

export function renderFacts(facts: SdkWireFacts): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}

function main(argv: string[]): number {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const mirror = arg('--mirror');
  if (!mirror) {
    process.stderr.write(
      'usage: sdk-wire-facts.ts --mirror <git dir of huaweicloud-sdk-java-v3> [--commit <sha>] [--out <file>] [--check]\n',
    );
    return 2;
  }
  const out = arg('--out') ?? DEFAULT_OUT;
  const text = renderFacts(extractFacts(MirrorReader.open(mirror, arg('--commit') ?? 'HEAD')));
  if (argv.includes('--check')) {
    const same = readFileSync(out, 'utf8') === text;
    process.stdout.write(
      same ? 'sdk-wire-facts: up to date\n' : `sdk-wire-facts: ${out} differs from the SDK; regenerate it\n`,
    );
    return same ? 0 : 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
