import type { ParsedNote } from './fields.js';
import { parseSimpleNote } from './simple-card.js';

export type { ParsedNote } from './fields.js';

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
