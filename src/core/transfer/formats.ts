import type { Note } from '../card/card.js';
import { formatAnki, hasAnkiHeaders, parseAnki } from './anki.js';
import { isBrainscape, parseBrainscape } from './brainscape.js';
import { formatCsv, parseCsv } from './csv.js';
import { looksLikeHtml } from './html-field.js';
import type { ImportResult } from './import-result.js';
import { guessSeparator } from './separator.js';
import type { ExportFormat, ImportFormat } from './column-names.js';

export { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from './column-names.js';

/** What the command line says of the file's layout: `--separator` and `--columns`. */
export interface LayoutOptions {
  separator?: string;
  columns?: readonly string[];
}

/**
 * The format of an import file from its content: Anki's `#separator:`-style headers, Brainscape's numbered `Q` lines,
 * else the separator that splits its rows (given, or guessed: tabs are TSV, or Anki when fields hold HTML; a comma,
 * semicolon or pipe is CSV); null when nothing fits.
 */
export function guessFormat(text: string, separator?: string): ImportFormat | null {
  if (hasAnkiHeaders(text)) return 'anki';
  if (separator === undefined && isBrainscape(text)) return 'brainscape';
  const splitBy = separator ?? guessSeparator(text);
  if (splitBy === null) return null;
  if (splitBy !== '\t') return 'csv';
  return separator === undefined && looksLikeHtml(text) ? 'anki' : 'tsv';
}

/** Reads an import file in the given format; the result names the separator a delimited file was read with. */
export function parseImport(text: string, format: ImportFormat, layout: LayoutOptions = {}): ImportResult {
  switch (format) {
    case 'brainscape':
      return parseBrainscape(text);
    case 'csv':
      return readDelimited(text, layout, [guessSeparator(text), ','].find((found) => found && found !== '\t') ?? ',');
    case 'tsv':
      return readDelimited(text, layout, '\t');
    case 'anki':
      return parseAnki(text, layout);
  }
}

function readDelimited(text: string, layout: LayoutOptions, fallback: string): ImportResult {
  const separator = layout.separator ?? fallback;
  return { ...parseCsv(text, { ...layout, separator }), separator };
}

/** Notes in an export format. */
export function formatExport(notes: readonly Note[], format: ExportFormat): string {
  return format === 'anki' ? formatAnki(notes) : formatCsv(notes, format === 'csv' ? ',' : '\t');
}
