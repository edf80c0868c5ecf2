import { Lexer } from 'marked';
import YAML from 'yaml';
import type { Difficulty } from '../card/card.js';

/** What a card file says: the fields of the note `parseNote` reads back. */
export interface CardFields {
  id: string;
  difficulty: Difficulty | null;
  tags: readonly string[];
  /** '' for a cloze note without a title. */
  question: string;
  answer: string;
  reverse: boolean;
}

/**
 * The text of a card file that `parseNote` reads back with exactly these fields: YAML frontmatter, then the question
 * as a `# ` heading and the answer. A question that a heading cannot hold (several lines, a closing `#`…) goes into
 * the frontmatter's `question` field instead; a cloze note without a question is its text alone. Expects a trimmed
 * question without a trailing difficulty emoji and an answer without leading blank lines or trailing whitespace, as
 * `readCardDraft` leaves them.
 */
export function formatCardFile(card: CardFields): string {
  const inHeading = card.question !== '' && isHeadingText(card.question);
  // A cloze text that starts with a heading would be read as its title: `question: ''` says there is none.
  const inFrontmatter = card.question === '' ? /^ {0,3}#[ \t]/.test(card.answer) : !inHeading;
  const doc = new YAML.Document({
    id: card.id,
    ...(card.difficulty ? { difficulty: card.difficulty } : {}),
    ...(card.tags.length > 0 ? { tags: [...card.tags] } : {}),
    ...(card.reverse ? { reverse: true } : {}),
    ...(inFrontmatter ? { question: card.question } : {}),
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
