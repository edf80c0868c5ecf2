import type { Card, CardProblem, Note } from './card.js';
import type { ParsedNote } from './fields.js';
import { parseSimpleNote } from './simple-card.js';

export type { ParsedNote } from './fields.js';

/**
 * A parsed card file: its notes and the cards they yield, the line of its `id:` field (1 when it has none) and what is
 * worth a warning, or why it holds no valid note.
 */
export type ParsedFile =
  { notes: Note[]; cards: Card[]; idLine: number; warnings?: CardProblem[] } | { problem: CardProblem };

/** Reads one card file's text: the notes it holds (one, in flashdeck's format) and their cards. */
export async function parseFile(text: string, path: string): Promise<ParsedFile> {
  const parsed = await parseNote(text, path);
  if ('problem' in parsed) return parsed;
  const { note, ...rest } = parsed;
  return { notes: [note], ...rest };
}

let fullParser: Promise<typeof import('./full-card.js')> | undefined;

/**
 * Reads one card file's text, whatever its frontmatter and markdown; `path` is relative to the cards root with `/`
 * separators. The one card parser: it reads the usual cards itself (simple-card.ts: `key: words` frontmatter, a body
 * that starts with the `# ` question) and hands the rest to the YAML and markdown parsers (full-card.ts), which load
 * only when the first such card comes. Both give the same result for every card the first one reads.
 */
export async function parseNote(text: string, path: string): Promise<ParsedNote> {
  const simple = parseSimpleNote(text, path);
  if (simple) return simple;
  fullParser ??= import('./full-card.js');
  return (await fullParser).parseFullNote(text, path);
}
