import { Lexer, type Token } from 'marked';
import YAML from 'yaml';
import { CardError } from './card.js';
import {
  assembleNote,
  catchCardError,
  lineAt,
  normalizeCardText,
  type ParsedNote,
  type TitleHeading,
} from './fields.js';
import { splitFrontmatter } from './frontmatter.js';
import { findDeepYaml, MAX_NESTING } from './nesting.js';

/**
 * YAML 1.2 core schema (dates and `yes` stay strings), no aliases (no alias bombs).
 * The frontmatter's text starts on the opening `---` line, so YAML line N is file line N.
 */
function parseYaml(source: string): unknown {
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
 * Reads one card file's text with the YAML and markdown parsers, whatever its frontmatter and markdown. Called by
 * `parseNote` (parse.ts) for the cards its fast path does not read; everything else calls `parseNote`.
 */
export function parseFullNote(text: string, path: string): ParsedNote {
  return catchCardError(path, () => {
    const split = splitFrontmatter(normalizeCardText(text));
    const fields = split.isEmpty ? {} : readFields(split.frontmatter);
    return assembleNote({ ...split, fields }, path, findTitleHeading);
  });
}

function readFields(frontmatter: string): Record<string, unknown> {
  let fields: unknown;
  try {
    fields = parseYaml(frontmatter);
  } catch (error) {
    // A card file must never crash a command, whatever the YAML library throws.
    if (error instanceof CardError) throw error;
    throw new CardError(1, `cannot read the frontmatter: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new CardError(1, 'frontmatter must be fields like "id: my-card", not a list or a single value');
  }
  return fields as Record<string, unknown>;
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
