import type { Token, TokenizerAndRendererExtension } from 'marked';
import { findInlineStart } from './inline-start.js';

/** A footnote's text, `[^label]: text` (its lines after the first indented), shown at the end of the card. */
export interface FootnoteToken {
  type: 'footnote';
  raw: string;
  label: string;
  text: string;
  tokens: Token[];
}

/** A reference to a footnote, `[^label]`, shown as its number. */
export interface FootnoteRefToken {
  type: 'footnoteRef';
  raw: string;
  label: string;
}

const DEFINITION = /^\[\^([^\]\s]{1,64})\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
const REFERENCE = /^\[\^([^\]\s]{1,64})\](?!:)/;

/** `[^label]: text` blocks. */
export const footnoteDefinition: TokenizerAndRendererExtension = {
  name: 'footnote',
  level: 'block',
  start: (source) => {
    const match = /(?:^|\n)\[\^/.exec(source);
    return match ? match.index + (match[0].startsWith('\n') ? 1 : 0) : undefined;
  },
  tokenizer(source) {
    const match = DEFINITION.exec(source);
    if (!match) return undefined;
    const text = (match[2] ?? '').replace(/\n[ \t]+/g, '\n');
    const token: FootnoteToken = { type: 'footnote', raw: match[0], label: match[1] ?? '', text, tokens: [] };
    this.lexer.inline(text, token.tokens);
    return token;
  },
};

/** `[^label]` references inside text. */
export const footnoteReference: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (source) => findInlineStart(source, '[^'),
  tokenizer: (source) => {
    const match = REFERENCE.exec(source);
    return match ? { type: 'footnoteRef', raw: match[0], label: match[1] ?? '' } : undefined;
  },
};

/** Each footnote's number, in the order their texts are written (as most cards number them). */
export function numberFootnotes(tokens: readonly { type: string }[]): Map<string, number> {
  const labels = tokens.flatMap((token) => (token.type === 'footnote' ? [(token as FootnoteToken).label] : []));
  return new Map([...new Set(labels)].map((label, index) => [label, index + 1]));
}
