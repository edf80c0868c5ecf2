import {
  assembleCard,
  catchCardError,
  lineAt,
  normalizeCardText,
  type CardParts,
  type ParsedCard,
  type TitleHeading,
} from './fields.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** Thrown inside the simple path when a card needs the full parser. */
class NeedsFullParser extends Error {}

// An ATX level-1 heading line: up to 3 spaces, `#`, then a space or tab (marked's rule is any whitespace or the end).
const SIMPLE_TITLE = /^ {0,3}#[ \t]/;

/**
 * Reads a card the way `parseCard` does, for the common shapes only: no frontmatter or a `---` block of simple
 * fields, and a body whose first line with text is the `# ` question. Returns null when the card needs `parseCard`,
 * so that callers load the YAML and markdown parsers only for the cards that use more.
 */
export function parseSimpleCard(text: string, path: string): ParsedCard | null {
  const source = normalizeCardText(text);
  const parts = splitSimpleFrontmatter(source);
  if (!parts) return null;
  try {
    return catchCardError(path, () => assembleCard(parts, path, findSimpleTitle));
  } catch (error) {
    if (error instanceof NeedsFullParser) return null;
    throw error;
  }
}

/** The parts as gray-matter would split them, or null for an opening it handles in a way worth its full parse. */
function splitSimpleFrontmatter(source: string): CardParts | null {
  // gray-matter strips one more byte order mark; `----` starts markdown, not frontmatter.
  if (source.startsWith('\uFEFF')) return null;
  if (!source.startsWith('---') || source.startsWith('----'))
    return { fields: {}, frontmatter: '', body: source, bodyLine: 1 };
  if (!source.startsWith('---\n')) return null;
  const close = source.indexOf('\n---', 3);
  if (close === -1) return null;
  const frontmatter = source.slice(3, close);
  const after = source.slice(close + 4);
  const body = after.startsWith('\n') ? after.slice(1) : after;
  // gray-matter skips the parser when only comments and blank lines are left.
  const isEmpty = frontmatter.replace(/^\s*#[^\n]+/gm, '').trim() === '';
  const fields = isEmpty ? {} : parseSimpleYaml(frontmatter);
  if (!fields) return null;
  return { fields, frontmatter, body, bodyLine: lineAt(source, source.length - body.length) };
}

/** The `# ` heading when it is the body's first line with text, as marked reads it; otherwise the full parser decides. */
function findSimpleTitle(body: string): TitleHeading {
  const blank = /^(?:[ \t]*\n)*/.exec(body)?.[0] ?? '';
  const offset = blank.length;
  const end = body.indexOf('\n', offset);
  const line = body.slice(offset, end === -1 ? body.length : end);
  const text = line.slice(line.indexOf('#') + 1).trim();
  // marked stops a heading line at U+2028/U+2029 and strips closing `#`s: leave those to it.
  if (!SIMPLE_TITLE.test(line) || /[\u2028\u2029]/.test(line) || text.endsWith('#')) throw new NeedsFullParser();
  const newlines = /^\n*/.exec(body.slice(offset + line.length))?.[0] ?? '';
  return { offset, raw: line + newlines, text };
}
