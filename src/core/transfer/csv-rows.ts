import { parse, type CsvError, type Info } from 'csv-parse/sync';
import type { RowProblem } from './card-draft.js';

/** One record of a delimited file, with the file line it starts on. */
export interface Row {
  cells: string[];
  line: number;
}

/**
 * Splits delimited text into records with their start lines (quoted fields may hold the separator, quotes and
 * line breaks); `firstLine` is the file line the text starts on. A quote left open is reported, and ends the file.
 */
export function readRows(text: string, delimiter: string, firstLine = 1): { rows: Row[]; problems: RowProblem[] } {
  const skipped: { lines: number; message: string }[] = [];
  // One kind of line break, so csv-parse counts lines right (it would take a lone `\r` for the record delimiter).
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) skipped.push({ lines: Number(error.lines), message: describeCsvError(error) });
    },
  }) as unknown as { record: string[]; info: Info; raw: string }[];
  const ends: number[] = [];
  const rows = records.map(({ record, info, raw }) => {
    ends.push(info.lines);
    // `raw` starts with the blank lines skipped before the record; the record itself spans its other line breaks.
    const breaks = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    return { cells: record, line: firstLine - 1 + info.lines - breaks };
  });
  // csv-parse reports where it gave up; the bad record starts after the last good one before that.
  const problems = skipped.map(({ lines, message }) => ({
    line: firstLine + Math.max(0, ...ends.filter((end) => end < lines)),
    message,
  }));
  return { rows, problems };
}

function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quoted field is never closed: add the closing " (this and later rows are skipped)';
  return `unreadable row (${error.message})`;
}
