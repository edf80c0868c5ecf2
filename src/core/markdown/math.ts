import { convertLatex } from './latex.js';
import type { MathToken } from './lexer.js';

/** A formula inside a line of text: converted to Unicode on one line, or as written when it cannot be. */
export function formatInlineMath(token: MathToken): string {
  return convertLatex(token.text)?.replace(/\n/g, '  ') ?? token.raw;
}
