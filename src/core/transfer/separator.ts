import { IMPORT_FORMATS, nameSeparator, type ImportFormat } from './column-names.js';
import { readRows } from './csv-rows.js';

export { nameSeparator, readSeparator } from './column-names.js';

// Guessed from the rows: the ones vocabulary lists and spreadsheets use (a colon or a space splits too much prose).
const GUESSED = ['\t', '|', ';', ','];
const SAMPLE_LINES = 50;

/**
 * The separator that splits a file's rows into two or more fields most consistently (tab, pipe, semicolon, comma:
 * Anki's order breaks ties), reading quoted fields as CSV does; null when none splits most rows.
 */
export function guessSeparator(text: string): string | null {
  return pickSeparator(text, (counts) => scoreSplit(counts.slice(0, SAMPLE_LINES)));
}

/** The separator that splits the most rows of a file none splits well enough to guess, or null. */
export function suggestSeparator(text: string): string | null {
  return pickSeparator(text, (counts) => counts.filter((count) => count >= 2).length);
}

/** The separator whose rows (their field counts, from the file's first lines) score highest, above 0; the first on ties. */
function pickSeparator(text: string, score: (fieldCounts: number[]) => number): string | null {
  const sample = text
    .split('\n')
    .slice(0, SAMPLE_LINES * 2)
    .join('\n');
  let best: { separator: string; score: number } | null = null;
  for (const separator of GUESSED) {
    const value = score(readRows(sample, separator).rows.map((row) => row.cells.length));
    if (value > 0 && (!best || value > best.score)) best = { separator, score: value };
  }
  return best?.separator ?? null;
}

/**
 * How well rows split: the share of rows with the most common field count (two or more), when at least half split.
 */
function scoreSplit(counts: readonly number[]): number {
  const split = counts.filter((count) => count >= 2);
  if (split.length === 0 || split.length * 2 < counts.length) return 0;
  const frequency = new Map<number, number>();
  for (const count of split) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  return Math.max(...frequency.values()) / counts.length;
}

/** A format as messages name it: `csv`, or `csv, semicolon-separated` when not read with the format's own separator. */
export function describeReading(format: ImportFormat, separator: string | undefined): string {
  const own = format === 'tsv' ? '\t' : ',';
  return separator && separator !== own ? `${format}, ${nameSeparator(separator)}-separated` : format;
}

/** Why a file's format cannot be guessed, and what to pass: the separator that splits some of its rows, if one does. */
export function explainUnknownFormat(text: string, name: string): string {
  const formats = `--format ${IMPORT_FORMATS.join(', ')}`;
  const likely = suggestSeparator(text);
  if (!likely) {
    return `cannot tell the format of ${name}: no separator (tab, pipe, semicolon, comma) splits its lines into a question and an answer; pass --separator or ${formats}.`;
  }
  const option = `--separator '${likely === '\t' ? 'tab' : likely}'`;
  return `cannot tell the format of ${name}: it looks like a ${nameSeparator(likely)}-separated file, but most rows do not split; pass ${option} to read it so, or ${formats}.`;
}
