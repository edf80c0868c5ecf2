/** What a binary file given as a text export is, and what to do instead: the end of a message about it. */
interface BinaryKind {
  magic: readonly number[];
  says: string;
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const KINDS: readonly BinaryKind[] = [
  {
    magic: ascii('SQLite format 3\0'),
    says: 'an SQLite database (an Anki collection?), not a text export: in Anki, export the deck as "Notes in Plain Text" and import that file',
  },
  { magic: ascii('%PDF-'), says: 'a PDF document, not a text export: import a CSV, TSV or text export of your cards' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    says: 'an old Office file (.xls, .doc), not a text export: save the sheet as CSV (UTF-8) and import that',
  },
  { magic: [0x1f, 0x8b], says: 'a gzip-compressed file: decompress it and import the text file inside' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], says: 'a zstd-compressed file: decompress it and import the text file inside' },
  ...[ascii('\x89PNG'), [0xff, 0xd8, 0xff], ascii('GIF8')].map((magic) => ({
    magic,
    says: 'an image, not a text export: import a CSV, TSV or text export of your cards',
  })),
];
const ZIP = ascii('PK');

/**
 * What a file that is not text is, as the end of a message (`is a PDF document, not a text export: …`), from its first
 * bytes or a NUL byte; null for text, and for a zip archive (an Anki package or a spreadsheet: told apart by name).
 */
export function describeBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ZIP)) return null;
  const kind = KINDS.find(({ magic }) => startsWith(bytes, magic));
  if (kind) return kind.says;
  if (bytes.subarray(0, 8192).includes(0) && !isUtf16(bytes)) {
    return 'a binary file, not a text export: import a CSV, TSV or text export of your cards';
  }
  return null;
}

/** The encoding a byte order mark gives to UTF-16 text, which spreadsheets write as "Unicode text". */
export function getUtf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function isUtf16(bytes: Uint8Array): boolean {
  return getUtf16Encoding(bytes) !== null;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}
