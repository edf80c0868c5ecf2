import { CardError } from './card.js';
import { lineAt, type CardParts } from './fields.js';

/** A card file split on its `---` lines, before its frontmatter is read. */
export interface SplitCard extends Omit<CardParts, 'fields'> {
  /** Whether the frontmatter holds only blank lines and `#` comments: no fields to read. */
  isEmpty: boolean;
}

// `---js`, `--- coffee`…: frontmatter in another language is refused, never read. Any whitespace may come before the
// tag. `----` is a rule in markdown, not frontmatter.
const LANGUAGE_TAG = /^---(?!-)[^\S\n]*\S/;

/**
 * Splits a card's normalized text into its frontmatter and its body, as gray-matter (which did this before) split
 * them: frontmatter opens with `---` on the first line and ends at the next line that starts with `---`; the body
 * starts on the line after that. Throws CardError when the frontmatter names a language or is never closed.
 */
export function splitFrontmatter(source: string): SplitCard {
  // One more byte order mark goes, as gray-matter dropped one after normalizeCardText had.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!text.startsWith('---') || text.startsWith('----')) {
    return { frontmatter: '', isEmpty: true, body: text, bodyLine: 1 };
  }
  if (LANGUAGE_TAG.test(text)) {
    const tag = (text.split('\n')[0] ?? '').trim().slice(0, 24);
    throw new CardError(1, `frontmatter must be YAML (found "${tag}"); remove the language tag`);
  }
  const close = text.indexOf('\n---', 3);
  if (close === -1) throw new CardError(1, 'frontmatter is not closed: add a line "---" after its last field');
  // From just after the opening `---` (the rest of its line is whitespace), so that its line N is file line N.
  const frontmatter = text.slice(3, close);
  const after = text.slice(close + 4);
  const body = after.startsWith('\n') ? after.slice(1) : after;
  const isEmpty = frontmatter.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  return { frontmatter, isEmpty, body, bodyLine: lineAt(text, text.length - body.length) };
}
