import type { Note } from '../card/card.js';
import { formatAnki, hasAnkiHeaders, looksLikeHtml, parseAnki } from './anki.js';
import { isBrainscape, parseBrainscape } from './brainscape.js';
import { formatCsv, parseCsv } from './csv.js';
import type { ImportResult } from './import-result.js';
import type { ExportFormat, ImportFormat } from './column-names.js';

export { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from './column-names.js';

/**
 * The format of an import file from its content: Anki's `#separator:`-style headers, Brainscape's numbered `Q` lines,
 * else the first line's separator (tabs: TSV, or Anki when fields hold HTML; commas: CSV); null when nothing fits.
 */
export function guessFormat(text: string): ImportFormat | null {
  if (hasAnkiHeaders(text)) return 'anki';
  if (isBrainscape(text)) return 'brainscape';
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  if (tabs > 0 && tabs >= commas) return looksLikeHtml(text) ? 'anki' : 'tsv';
  return commas > 0 ? 'csv' : null;
}

/** Reads an import file in the given format. */
export function parseImport(text: string, format: ImportFormat): ImportResult {
  switch (format) {
    case 'brainscape':
      return parseBrainscape(text);
    case 'csv':
      return parseCsv(text, ',');
    case 'tsv':
      return parseCsv(text, '\t');
    case 'anki':
      return parseAnki(text);
  }
}

/** Notes in an export format. */
export function formatExport(notes: readonly Note[], format: ExportFormat): string {
  return format === 'anki' ? formatAnki(notes) : formatCsv(notes, format === 'csv' ? ',' : '\t');
}
