// The format and separator names alone, so the command line can read them without loading the parsers and writers.

/** The formats `flashdeck import` reads. */
export const IMPORT_FORMATS = ['brainscape', 'csv', 'tsv', 'anki'] as const;
/** One of IMPORT_FORMATS. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The formats `flashdeck export` writes. */
export const EXPORT_FORMATS = ['csv', 'tsv', 'anki'] as const;
/** One of EXPORT_FORMATS. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// The separators Anki names, in the order Anki tries them; a single character is taken as itself.
const SEPARATOR_NAMES: Record<string, string> = {
  tab: '\t',
  pipe: '|',
  semicolon: ';',
  colon: ':',
  comma: ',',
  space: ' ',
};
/** A separator named as Anki names it (`tab`, `semicolon`…, any case) or one character; null for anything else. */
export function readSeparator(value: string): string | null {
  const name = value.trim().toLowerCase();
  if (name === '\\t') return '\t';
  return SEPARATOR_NAMES[name] ?? ([...value].length === 1 ? value : null);
}

/** A separator as messages name it: `semicolon`, or the character quoted. */
export function nameSeparator(separator: string): string {
  return Object.entries(SEPARATOR_NAMES).find(([, character]) => character === separator)?.[0] ?? `'${separator}'`;
}
