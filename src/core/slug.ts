/** The longest slug `slugify` returns, so file names stay readable in a listing. */
export const MAX_SLUG_LENGTH = 60;

/**
 * A readable file-name stem from text: lower case, letters and digits of any script joined by `-`, accents and
 * apostrophes dropped, cut at a word boundary; '' when nothing is left.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    // Accents come off Latin letters; marks that other scripts need (Devanagari vowel signs…) stay.
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .normalize('NFC')
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
