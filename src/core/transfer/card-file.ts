import { Lexer } from 'marked';
import YAML from 'yaml';
import type { Difficulty } from '../card/card.js';

/** What a card file says: the fields `parseNote` reads back. */
export interface CardFields {
  id: string;
  difficulty: Difficulty | null;
  tags: readonly string[];
  question: string;
  answer: string;
}

/**
 * The text of a card file that `parseNote` reads back with exactly these fields: YAML frontmatter, then the question
 * as a `# ` heading and the answer. A question that a heading cannot hold (several lines, a closing `#`…) goes into
 * the frontmatter's `question` field instead. Expects a trimmed question without a trailing difficulty emoji and an
 * answer without leading blank lines or trailing whitespace, as `normalizeCard` leaves them.
 */
export function formatCardFile(card: CardFields): string {
  const inHeading = isHeadingText(card.question);
  const doc = new YAML.Document({
    id: card.id,
    ...(card.difficulty ? { difficulty: card.difficulty } : {}),
    ...(card.tags.length > 0 ? { tags: [...card.tags] } : {}),
    ...(inHeading ? {} : { question: card.question }),
  });
  const tags = doc.get('tags', true);
  // `tags: [a, b]`, the way the bundled cards write them.
  if (YAML.isSeq(tags)) tags.flow = true;
  const frontmatter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = inHeading ? `# ${card.question}\n\n${card.answer}\n` : `${card.answer}\n`;
  return `---\n${frontmatter}---\n\n${body}`;
}

/** True when `# text` is read back as a level-1 heading whose text is exactly `text`. */
function isHeadingText(text: string): boolean {
  if (text.includes('\n') || text !== text.trim()) return false;
  const tokens = Lexer.lex(`# ${text}`);
  const [heading] = tokens;
  return tokens.length === 1 && heading?.type === 'heading' && heading.depth === 1 && heading.text === text;
}
