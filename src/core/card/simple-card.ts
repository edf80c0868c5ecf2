import { assembleNote, catchCardError, normalizeCardText, type ParsedNote, type TitleHeading } from './fields.js';
import { splitFrontmatter } from './frontmatter.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** Thrown inside the simple path when a card needs the full parser. */
class NeedsFullParser extends Error {}

// An ATX level-1 heading line: up to 3 spaces, `#`, then a space or tab (marked's rule is any whitespace or the end).
const SIMPLE_TITLE = /^ {0,3}#[ \t]/;

/**
 * The fast path of `parseNote` (parse.ts): reads a card the way the full parser does, for the common shapes only: no
 * frontmatter or a `---` block of simple fields, and a body whose first line with text is the `# ` question. Returns
 * null when the card needs the full parser, so that the YAML and markdown parsers load only for the cards that use
 * more. Called by `parseNote` only (and by the tests that compare it with the full parser).
 */
export function parseSimpleNote(text: string, path: string): ParsedNote | null {
  const source = normalizeCardText(text);
  try {
    return catchCardError(path, () => {
      // Its problems (a language tag, no closing `---`) come first in the full parser too.
      const split = splitFrontmatter(source);
      const fields = split.isEmpty ? {} : parseSimpleYaml(split.frontmatter);
      if (!fields) throw new NeedsFullParser();
      return assembleNote({ ...split, fields }, path, findSimpleTitle);
    });
  } catch (error) {
    if (error instanceof NeedsFullParser) return null;
    throw error;
  }
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
