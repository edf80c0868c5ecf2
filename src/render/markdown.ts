import type { ChalkInstance } from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { stripVTControlCharacters } from 'node:util';
import { sanitizeTerminalText } from '../core/text.js';
import { wrapLines } from './wrap.js';

/** The answer's markdown as terminal text, wrapped to `width`; control sequences from the card never pass. */
export function renderMarkdown(markdown: string, width: number, chalk: ChalkInstance): string {
  // marked-terminal's own reflow leaves list items unwrapped, so every line is wrapped afterwards instead.
  // Paragraphs unstyled (not chalk.reset) so a caller's bold around a rendered question holds.
  const marked = new Marked(markedTerminal({ emoji: false, tab: 2, paragraph: (text: string) => text }));
  const parsed = marked.parse(sanitizeTerminalText(markdown), { async: false }).replace(/\n+$/, '');
  const rendered = wrapLines(parsed, Math.max(20, width));
  // marked-terminal and its highlighter colour through their own chalk instances, so strip when colour is off.
  return chalk.level === 0 ? stripVTControlCharacters(rendered) : rendered;
}
