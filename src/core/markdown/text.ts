import { drawClozeMarks, removeClozeMarks } from './cloze-marks.js';
import { resolveInlineHtml, type CardToken } from './inline-html.js';
import { lexInlineMarkdown, lexMarkdown, type MathToken } from './lexer.js';
import { formatInlineMath } from './math.js';
import { findMediaLabel, formatMediaName } from './media.js';
import { sanitizeTerminalText } from './terminal-text.js';

// Kept in their own module so the command line's messages can use them without loading the markdown lexer.
export { hasControlCharacter, sanitizeTerminalText } from './terminal-text.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  deg: '°',
  micro: 'µ',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  para: '¶',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  sum: '∑',
  radic: '√',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  Delta: 'Δ',
  Sigma: 'Σ',
};

/** Decodes numeric entities and the common named ones (unknown names stay as written), safe to print. */
export function decodeEntities(text: string): string {
  // `&#27;` must not bring back the escape character the card text was cleaned of.
  return sanitizeTerminalText(decodeEntityReferences(text));
}

function decodeEntityReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z]{1,32}));/g, (entity, decimal, hex, name) => {
    if (name) return NAMED_ENTITIES[name] ?? entity;
    const code = decimal ? Number(decimal) : Number.parseInt(hex, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  });
}

// Words, digits, spaces and punctuation markdown gives no meaning to, starting with a letter, an emoji or a brace (a
// digit could start a numbered list): most questions. marked reads such a line as one paragraph of text, so it is
// skipped.
const PLAIN_WORDS = /^[\p{L}\p{So}{][\p{L}\p{N}\p{M}\p{So} ,.;:?!'"’‘“”…()/%{}-]*$/u;
// The same test for ASCII alone (no ASCII character is a mark or an `So` symbol): without Unicode property classes it
// runs several times faster, and it settles most questions.
const PLAIN_ASCII = /^[A-Za-z{][A-Za-z0-9 ,.;:?!'"()/%{}-]*$/;

/** Whether `markdown` is one line of words and punctuation that markdown gives no meaning to (its plain text is itself). */
export function isPlainText(markdown: string): boolean {
  return PLAIN_ASCII.test(markdown) || PLAIN_WORDS.test(markdown);
}

/**
 * One line of plain text from markdown, for lists and JSON: no inline syntax, HTML tags as the quiz shows them, entities
 * decoded; a cloze card's hidden spans as `[…]` or `[hint]`, its revealed ones as their text.
 */
export function toPlainText(markdown: string): string {
  // A cloze question of plain words keeps the fast path: the marks are all its syntax.
  const text = isPlainText(removeClozeMarks(markdown))
    ? markdown.replace(/ {2,}/g, ' ')
    : sanitizeTerminalText(collectText(lexMarkdown(markdown))).replace(/\s+/g, ' ');
  return drawClozeMarks(text, (span) => (span.kind === 'hidden' ? `[${span.text}]` : span.text)).trim();
}

/** Blocks whose text is set apart from what comes before and after it by a space. */
const SEPARATED_BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list_item', 'summary']);

function collectText(tokens: readonly CardToken[]): string {
  return resolveInlineHtml(tokens).map(getTokenText).join('');
}

function getTokenText(token: CardToken): string {
  switch (token.type) {
    case 'math':
      return (token as MathToken).display
        ? ` ${formatInlineMath(token as MathToken)} `
        : formatInlineMath(token as MathToken);
    case 'html':
      // Inline tags are resolved by now; marked leaves a block of HTML unread, so it is read as inline markdown.
      return ` ${collectText(lexInlineMarkdown(token.text))} `;
    case 'image':
      return decodeEntities(findMediaLabel(token));
    case 'sound':
      return formatMediaName('sound', decodeEntities(findMediaLabel(token)));
    case 'codespan':
      return token.text;
    case 'code':
      return ` ${token.text} `;
    case 'list':
      return ` ${token.items.map(getTokenText).join(' ')} `;
    case 'table':
      return ` ${[token.header, ...token.rows]
        .flat()
        .map((cell) => collectText(cell.tokens))
        .join(' ')} `;
    case 'space':
    case 'hr':
    case 'br':
      return ' ';
    default: {
      const inner =
        'tokens' in token && token.tokens
          ? collectText(token.tokens)
          : 'text' in token
            ? decodeEntities(String(token.text))
            : '';
      return SEPARATED_BLOCKS.has(token.type) ? ` ${inner} ` : inner;
    }
  }
}

/** A count with its noun, singular or plural: `1 card`, `2 cards`. */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
