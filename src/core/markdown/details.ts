import type { CardToken } from './inline-html.js';

/** A `<details>` block: its opening HTML (with the `<summary>`) and the blocks inside, up to its `</details>`. */
export interface DetailsToken {
  type: 'details';
  raw: string;
  /** The HTML block that opens it, its summary included. */
  summary: string;
  tokens: CardToken[];
}

const OPENING = /<details\b/gi;
const CLOSING = /<\/details\s*>/gi;

function countTags(token: CardToken, pattern: RegExp): number {
  return token.type === 'html' ? (token.text.match(pattern) ?? []).length : 0;
}

/**
 * Blocks with each `<details>` … `</details>` spread over blocks gathered into one token, so its body can be set apart
 * under its summary. A `<details>` never closed stays as it was.
 */
export function groupDetails(tokens: readonly CardToken[]): CardToken[] {
  const grouped: CardToken[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as CardToken;
    const opened = countTags(token, OPENING) - countTags(token, CLOSING);
    const close = opened > 0 ? findClose(tokens, index + 1, opened) : -1;
    if (close === -1) {
      grouped.push(token);
      continue;
    }
    const body = tokens.slice(index + 1, close);
    const raw = tokens
      .slice(index, close + 1)
      .map((part) => part.raw)
      .join('');
    grouped.push({
      type: 'details',
      raw,
      summary: token.type === 'html' ? token.text : '',
      tokens: groupDetails(body),
    });
    index = close;
  }
  return grouped;
}

/** The index of the block whose `</details>` closes `depth` open ones, or -1. */
function findClose(tokens: readonly CardToken[], from: number, depth: number): number {
  let open = depth;
  for (let index = from; index < tokens.length; index += 1) {
    const token = tokens[index] as CardToken;
    open += countTags(token, OPENING) - countTags(token, CLOSING);
    if (open <= 0) return index;
  }
  return -1;
}
