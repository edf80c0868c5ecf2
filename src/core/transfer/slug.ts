/** The longest slug `slugify` returns, so file names stay readable in a listing. */
export const MAX_SLUG_LENGTH = 60;

const ASCII = /^[\x00-\x7F]*$/;

/**
 * A readable file-name stem from text: lower case, letters and digits of any script joined by `-`, accents and
 * apostrophes dropped, cut at a word boundary; '' when nothing is left.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  // Accents come off Latin letters; marks that other scripts need (Devanagari vowel signs…) stay. ASCII has none.
  const unaccented = ASCII.test(text)
    ? text
    : text
        .normalize('NFKD')
        .replace(/[\u0300-\u036F]/g, '')
        .normalize('NFC');
  const words = unaccented
    .toLowerCase()
    // "What's" is one word.
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if ([...next].length > maxLength) return slug || [...word].slice(0, maxLength).join('');
    slug = next;
  }
  return slug;
}

/** The longest file or folder name most file systems take (ext4, APFS, NTFS…), in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

const UTF8 = new TextEncoder();

/**
 * `name` followed by `ending` (a `-2` and `.md`, say) in at most MAX_NAME_BYTES UTF-8 bytes: a name too long loses its
 * end, whole characters at a time, and the dots, spaces and dashes the cut leaves at its end (unless nothing else is left).
 */
export function fitName(name: string, ending = ''): string {
  const room = MAX_NAME_BYTES - UTF8.encode(ending).length;
  if (UTF8.encode(name).length <= room) return name + ending;
  // A letter with its accents or an emoji with its modifiers stays whole, unless one alone is over the limit.
  const cut = takeBytes(graphemes(name), room) || takeBytes(name, room);
  return (cut.replace(/[.\s-]+$/u, '') || cut) + ending;
}

function* graphemes(text: string): Iterable<string> {
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) yield segment;
}

function takeBytes(pieces: Iterable<string>, room: number): string {
  let taken = '';
  let bytes = 0;
  for (const piece of pieces) {
    bytes += UTF8.encode(piece).length;
    if (bytes > room) break;
    taken += piece;
  }
  return taken;
}
