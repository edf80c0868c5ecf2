import { createRequire } from 'node:module';
import type { Marked, Token, TokenizerAndRendererExtension } from 'marked';

/** A `$…$` or `$$…$$` span, kept as written so `$a*b*c$` is not read as emphasis. */
export interface MathToken {
  type: 'math';
  raw: string;
  text: string;
}

// An opening `$` not followed by a space and a closing one not preceded by a space, so "$5 and $10" stays text.
const INLINE_MATH = /^(\$\$?)(?![\s$])([^$\n]*?[^\s$\\])\1(?!\d)/;
const BLOCK_MATH = /^\$\$[ \t]*\n([\s\S]+?)\n[ \t]*\$\$[ \t]*(?:\n|$)/;

const inlineMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start: (source) => {
    const index = source.indexOf('$');
    return index === -1 ? undefined : index;
  },
  tokenizer: (source) => {
    const match = INLINE_MATH.exec(source);
    return match ? { type: 'math', raw: match[0], text: match[0] } : undefined;
  },
};

const blockMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'block',
  start: (source) => {
    const index = source.indexOf('$$');
    return index === -1 ? undefined : index;
  },
  tokenizer: (source) => {
    const match = BLOCK_MATH.exec(source);
    return match ? { type: 'math', raw: match[0], text: match[1] ?? '' } : undefined;
  },
};

let marked: Marked | undefined;

// Loaded at the first text that needs it: listing plain questions never pays for marked.
function getMarked(): Marked {
  if (!marked) {
    const { Marked: MarkedClass } = createRequire(import.meta.url)('marked') as typeof import('marked');
    marked = new MarkedClass({ gfm: true, extensions: [blockMath, inlineMath] });
  }
  return marked;
}

/** Markdown tokens as marked reads them (GFM), plus `math` tokens for LaTeX-like spans. */
export function lexMarkdown(markdown: string): (Token | MathToken)[] {
  return getMarked().lexer(markdown) as (Token | MathToken)[];
}

/** Inline tokens of `markdown` alone, as inside a paragraph (for text marked leaves unread, such as an HTML block). */
export function lexInlineMarkdown(markdown: string): (Token | MathToken)[] {
  const instance = getMarked();
  return instance.Lexer.lexInline(markdown, instance.defaults) as (Token | MathToken)[];
}
