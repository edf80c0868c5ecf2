import { createRequire } from 'node:module';
import type { Marked, Token, TokenizerAndRendererExtension } from 'marked';
import { footnoteDefinition, footnoteReference } from './footnotes.js';
import { findInlineStart } from './inline-start.js';

/** A LaTeX formula (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), kept apart so `$a*b*c$` is not read as emphasis. */
export interface MathToken {
  type: 'math';
  /** As written, delimiters included: what shows when the formula cannot be converted. */
  raw: string;
  /** The formula between its delimiters. */
  text: string;
  /** `$$…$$` or `\[…\]`: set on lines of its own when it stands alone. */
  display: boolean;
}

// Pandoc's rule for `$`: the opening one followed by a non-space, the closing one preceded by one and not followed
// by a digit, so "$5 and $10" and "$21,000" stay text. A formula never spans a blank line.
// At most 1000 characters each, so a paragraph of openers never closed costs linear time, not quadratic.
const INLINE_FORMULAS: [RegExp, boolean][] = [
  [/^\\\(((?:(?!\\\)|\n[ \t]*\n)[\s\S]){1,1000}?)\\\)/, false],
  [/^\\\[((?:(?!\\\]|\n[ \t]*\n)[\s\S]){1,1000}?)\\\]/, true],
  [/^\$\$((?:(?!\$\$|\n[ \t]*\n)[\s\S]){1,1000}?)\$\$/, true],
  [/^\$(?![\s$])([^$\n]{0,1000}?[^\s$\\])\$(?!\d)/, false],
];
// A display formula alone on its lines, its delimiters included (a one-line `$$x$$` as well).
const BLOCK_FORMULAS = [
  /^ {0,3}\$\$((?:(?!\$\$)[\s\S])+?)\$\$[ \t]*(?:\n|$)/,
  /^ {0,3}\\\[((?:(?!\\\])[\s\S])+?)\\\][ \t]*(?:\n|$)/,
];
const INLINE_START = /\$|\\[([]/;
const BLOCK_START = /(?:^|\n) {0,3}(?:\$\$|\\\[)/;
const inlineMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start: (source) => findInlineStart(source, INLINE_START),
  tokenizer: (source) => {
    for (const [pattern, display] of INLINE_FORMULAS) {
      const match = pattern.exec(source);
      if (match) return { type: 'math', raw: match[0], text: match[1] ?? '', display };
    }
    return undefined;
  },
};

const blockMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'block',
  start: (source) => {
    const match = BLOCK_START.exec(source);
    return match ? match.index + (match[0].startsWith('\n') ? 1 : 0) : undefined;
  },
  tokenizer: (source) => {
    for (const pattern of BLOCK_FORMULAS) {
      const match = pattern.exec(source);
      if (match) return { type: 'math', raw: match[0], text: match[1] ?? '', display: true };
    }
    return undefined;
  },
};

/** An Anki sound, `[sound:file.mp3]`. */
export interface SoundToken {
  type: 'sound';
  raw: string;
  /** The file, as written. */
  href: string;
}

// A markdown link `[sound: x.mp3](path)` (what an import writes) is a link, not Anki's sound.
const SOUND = /^\[sound:([^\]\n]{1,500})\](?!\()/;

const ankiSound: TokenizerAndRendererExtension = {
  name: 'sound',
  level: 'inline',
  start: (source) => findInlineStart(source, '[sound:'),
  tokenizer: (source) => {
    const match = SOUND.exec(source);
    return match ? { type: 'sound', raw: match[0], href: (match[1] ?? '').trim() } : undefined;
  },
};

let marked: Marked | undefined;

// Loaded at the first text that needs it: listing plain questions never pays for marked.
function getMarked(): Marked {
  if (!marked) {
    const { Marked: MarkedClass } = createRequire(import.meta.url)('marked') as typeof import('marked');
    marked = new MarkedClass({
      gfm: true,
      extensions: [blockMath, footnoteDefinition, inlineMath, ankiSound, footnoteReference],
    });
  }
  return marked;
}

/** Markdown tokens as marked reads them (GFM), plus `math` tokens for LaTeX and `sound` tokens for Anki's sounds. */
export function lexMarkdown(markdown: string): (Token | MathToken | SoundToken)[] {
  return getMarked().lexer(markdown) as (Token | MathToken | SoundToken)[];
}

/** Inline tokens of `markdown` alone, as inside a paragraph (for text marked leaves unread, such as an HTML block). */
export function lexInlineMarkdown(markdown: string): (Token | MathToken | SoundToken)[] {
  const instance = getMarked();
  return instance.Lexer.lexInline(markdown, instance.defaults) as (Token | MathToken | SoundToken)[];
}
