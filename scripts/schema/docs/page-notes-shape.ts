/**
 * What a reference page's notes hold. Its own module: page-notes.ts gathers the notes of page-notes-*.ts, which all
 * use this shape, so keeping it in page-notes.ts would make each of them import the file that imports them.
 */
export interface PageNotes {
  /** Example program under scripts/schema/doc-examples/ (typechecked with the repository). */
  example: string;
  /** Extra words for the "Replace on change" section (e.g. delete-before-replace). */
  replaceNote?: string;
  /** Sections: heading → paragraphs / bullet lines (a line starting with `- ` is a bullet). */
  sections: { heading: string; lines: string[] }[];
  /** KooPhone error codes a user of this page is likely to meet, canonical spelling. */
  errorCodes: string[];
}
