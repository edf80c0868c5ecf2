import matter from 'gray-matter';
import { Lexer, type Token } from 'marked';
import YAML from 'yaml';
import {
  assembleCard,
  CardError,
  catchCardError,
  lineAt,
  normalizeCardText,
  type CardParts,
  type ParsedCard,
  type TitleHeading,
} from './fields.js';
import { findDeepYaml, MAX_NESTING } from './nesting.js';

export type { ParsedCard } from './fields.js';

// `---js`, `--- coffee`…: gray-matter would pick another engine (and eval JavaScript). `----` is a rule, not frontmatter.
// Any whitespace counts, as gray-matter trims the tag with String#trim.
const LANGUAGE_TAG = /^---(?!-)[^\S\n]*\S/;

// Never reached while LANGUAGE_TAG holds; kept so a missed tag can still never run code.
const refuseEngine = (): never => {
  throw new CardError(1, 'frontmatter must be YAML; remove the language tag after "---"');
};

// An options object also keeps gray-matter from caching every input forever.
const MATTER_OPTIONS = { engines: { yaml: parseYaml, javascript: refuseEngine, json: refuseEngine } };

/**
 * YAML 1.2 core schema (dates and `yes` stay strings), no aliases (no alias bombs).
 * gray-matter hands over the text from just after the opening `---`, so YAML line N is file line N.
 */
function parseYaml(source: string): object {
  const deepAt = findDeepYaml(source);
  if (deepAt !== null)
    throw new CardError(lineAt(source, deepAt), `frontmatter nested more than ${MAX_NESTING} levels deep: flatten it`);
  const doc = YAML.parseDocument(source, { schema: 'core' });
  const lastLine = source.split('\n').length;
  const [error] = doc.errors;
  if (error) {
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new CardError(Math.min(error.linePos?.[0].line ?? 1, lastLine), `invalid YAML in frontmatter: ${reason}`);
  }
  let aliasAt: number | undefined;
  YAML.visit(doc, {
    Alias: (_, node) => {
      aliasAt = node.range?.[0] ?? 0;
      return YAML.visit.BREAK;
    },
  });
  if (aliasAt !== undefined) {
    throw new CardError(
      lineAt(source, aliasAt),
      'YAML aliases (*name) are not allowed in frontmatter; write the value out',
    );
  }
  return doc.toJS({ maxAliasCount: 0 }) ?? {};
}

/**
 * Reads one card file's text, whatever its frontmatter and markdown; `path` is relative to the cards root with `/`
 * separators. `parseSimpleCard` gives the same result for most cards without loading YAML and markdown parsers.
 */
export function parseCard(text: string, path: string): ParsedCard {
  return catchCardError(path, () => assembleCard(splitFrontmatter(normalizeCardText(text)), path, findTitleHeading));
}

function splitFrontmatter(source: string): CardParts {
  if (LANGUAGE_TAG.test(source)) {
    const tag = (source.split('\n')[0] ?? '').trim().slice(0, 24);
    throw new CardError(1, `frontmatter must be YAML (found "${tag}"); remove the language tag`);
  }
  if (/^---(?!-)/.test(source) && !source.includes('\n---', 3)) {
    throw new CardError(1, 'frontmatter is not closed: add a line "---" after its last field');
  }
  const file = readMatter(source);
  const fields: unknown = file.data;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new CardError(1, 'frontmatter must be fields like "id: my-card", not a list or a single value');
  }
  const bodyLine = lineAt(source, source.length - file.content.length);
  // gray-matter leaves `matter` unset for an empty file.
  const frontmatter = file.matter ?? '';
  return { fields: fields as Record<string, unknown>, frontmatter, body: file.content, bodyLine };
}

function readMatter(source: string): matter.GrayMatterFile<string> {
  try {
    return matter(source, MATTER_OPTIONS);
  } catch (error) {
    // A card file must never crash a command, whatever gray-matter throws.
    if (error instanceof CardError) throw error;
    throw new CardError(1, `cannot read the frontmatter: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first top-level level-1 heading; top-level tokens only, so a `# ` line in a code block, quote or list is not it. */
function findTitleHeading(body: string): TitleHeading | null {
  let offset = 0;
  // Block tokens only: the inline markdown of the whole answer is not needed to find the heading.
  for (const token of new Lexer().blockTokens(body)) {
    if (isTitleHeading(token)) return { offset, raw: token.raw, text: token.text };
    offset += token.raw.length;
  }
  return null;
}

/** A level-1 ATX heading (`# Title`); setext headings (`Title` over `===`) do not count. */
function isTitleHeading(token: Token): token is Token & { text: string } {
  return token.type === 'heading' && token.depth === 1 && /^ {0,3}#/.test(token.raw);
}
