import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookupErrorCode } from '../../../provider/client/error-codes';
import { NAMED_TYPES, token } from '../catalogue';
import type { FunctionModel, ResourceModel } from '../package-models';
import { namedTypeDescription, objectModel, type NamedType } from '../property-model';
import { GENERATED_NOTE, anchor, codeBlock, inputTable, outputTable, page, table } from './markdown';
import { PAGE_NOTES } from './page-notes';
import type { PageNotes } from './page-notes-shape';

const EXAMPLES_DIR = join(__dirname, '..', 'doc-examples');

/** The example program as a user writes it: the repository-relative SDK import becomes the package name. */
export function exampleSource(file: string): string {
  const source = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
  return source.replace(/from '(\.\.\/)+sdk'/g, "from 'pulumi-koophone'");
}

function notesFor(name: string): PageNotes {
  const notes = PAGE_NOTES[name];
  if (!notes) throw new Error(`scripts/schema/docs/page-notes.ts has no notes for ${name}`);
  return notes;
}

function typeSections(types: readonly NamedType[], io: 'input' | 'output'): string[] {
  return types.flatMap((t) => {
    const model = objectModel(t.schema, { io, namedTypes: NAMED_TYPES });
    return [`### ${t.name}`, namedTypeDescription(t), io === 'input' ? inputTable(model.properties, false) : outputTable(model.properties)];
  });
}

function noteSections(notes: PageNotes): string[] {
  return notes.sections.flatMap((s) => [`## ${s.heading}`, s.lines.join('\n')]);
}

function errorSection(codes: readonly string[]): string[] {
  const rows = codes.map((code) => {
    const info = lookupErrorCode(code);
    if (!info) throw new Error(`page notes name ${code}, which error-codes.ts does not document`);
    return [`\`${code}\``, info.explanation];
  });
  return [
    '## Errors you may meet',
    'Provider errors read `<code>: <what it means and what to do>. Server said: "…" (<operation>: HTTP <status>, ' +
      `request id <id>)\`. The full list is in [errors](errors.md#${anchor('KooPhone error codes')}).`,
    table(['Code', 'Meaning and what to do'], rows),
  ];
}

export function resourcePage(model: ResourceModel): string {
  const { entry } = model;
  const notes = notesFor(entry.name);
  const inputNames = new Set(model.inputs.properties.map((p) => p.name));
  const outputOnly = model.outputs.properties.filter((p) => !inputNames.has(p.name));
  const replaced = model.inputs.properties.filter((p) => p.replaces).map((p) => `\`${p.name}\``);
  return page([
    GENERATED_NOTE,
    `# ${entry.name}`,
    `\`${token(entry.name)}\` · \`new koophone.${entry.name}(name, args, opts?)\``,
    entry.summary,
    '## Example',
    codeBlock('typescript', exampleSource(notes.example)),
    '## Inputs',
    inputTable(model.inputs.properties, true),
    ...typeSections(model.types, 'input'),
    '## Outputs',
    'Every input is also an output, with its default filled in.' + (outputOnly.length > 0 ? ' In addition:' : ' There are no other outputs.'),
    outputOnly.length > 0 && outputTable(outputOnly),
    '## Replace on change',
    replaced.length > 0
      ? `Changing any of these replaces the resource: ${replaced.join(', ')}.`
      : 'Nothing replaces this resource: every change is made in place.',
    notes.replaceNote,
    ...noteSections(notes),
    ...errorSection(notes.errorCodes),
  ]);
}

export function functionPage(model: FunctionModel): string {
  const { entry } = model;
  const notes = notesFor(entry.name);
  return page([
    GENERATED_NOTE,
    `# ${entry.name}`,
    `\`${token(entry.name)}\` · \`koophone.${entry.name}(args?): Promise<result>\``,
    entry.summary,
    '## Example',
    codeBlock('typescript', exampleSource(notes.example)),
    '## Arguments',
    model.args.properties.length > 0 ? inputTable(model.args.properties, false) : 'None.',
    '## Result',
    outputTable(model.result.properties),
    ...typeSections(model.types, 'output'),
    ...noteSections(notes),
    ...errorSection(notes.errorCodes),
  ]);
}
