import type { ChalkInstance } from 'chalk';
import type Table from 'cli-table3';
import type { createEmphasize } from 'emphasize';
import type { Tokens } from 'marked';
import { createRequire } from 'node:module';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { drawClozeMarks, removeClozeMarks } from '../core/markdown/cloze-marks.js';
import { resolveInlineHtml, type CardToken } from '../core/markdown/inline-html.js';
import { formatInlineMath } from '../core/markdown/math.js';
import { groupDetails, type DetailsToken } from '../core/markdown/details.js';
import { numberFootnotes } from '../core/markdown/footnotes.js';
import { findMediaLabel, formatMediaName, isAudioLink } from '../core/markdown/media.js';
import { convertLatex } from '../core/markdown/latex.js';
import { lexInlineMarkdown, lexMarkdown, type MathToken } from '../core/markdown/lexer.js';
import { decodeEntities, isPlainText, sanitizeTerminalText } from '../core/markdown/text.js';
import { wrapText } from './layout.js';

/** How blocks look: colour or plain characters that read without it. */
interface Look {
  chalk: ChalkInstance;
  plain: boolean;
  /** Each footnote's number, by its label. */
  footnotes?: ReadonlyMap<string, number>;
}

const BULLETS = ['•', '◦', '▪'];
const MIN_WIDTH = 20;
let highlighter: ReturnType<typeof createEmphasize> | undefined;

/** The syntax highlighter, loaded at the first coloured code block: highlight.js takes longer to load than a quiz to start. */
function getHighlighter(): ReturnType<typeof createEmphasize> {
  if (!highlighter) {
    // emphasize is ESM-only; Node 20.19+ (our minimum) loads it synchronously through require.
    const emphasize = createRequire(import.meta.url)('emphasize') as typeof import('emphasize');
    highlighter = emphasize.createEmphasize(emphasize.common);
  }
  return highlighter;
}

/** The markdown as terminal text wrapped to `width` (emoji- and CJK-aware); control sequences from the card never pass. */
export function renderMarkdown(markdown: string, width: number, chalk: ChalkInstance): string {
  // Most questions are one line of plain words: marked would read them as one paragraph of text (its first run also
  // compiles its patterns, which delays the first question). Links are left to it: they are coloured.
  const look: Look = { chalk, plain: chalk.level === 0 };
  if (isPlainText(removeClozeMarks(markdown)) && !/:\/\/|www\./i.test(markdown))
    return wrapText(drawClozeSpans(markdown, look), Math.max(MIN_WIDTH, width)).join('\n');
  const tokens = groupDetails(lexMarkdown(sanitizeTerminalText(markdown)));
  look.footnotes = numberFootnotes(tokens);
  const room = Math.max(MIN_WIDTH, width);
  const lines = renderBlocks(tokens, room, look);
  // Footnotes are listed at the end, as `[1] text`, whatever their place in the card.
  for (const token of tokens)
    if (token.type === 'footnote')
      lines.push(
        '',
        ...wrapText(`[${look.footnotes.get(token.label)}] ${renderBlockInline(token.tokens, look)}`, room),
      );
  // Spans are drawn block by block; a mark that lost its partner across blocks must still not reach the terminal.
  return removeClozeMarks(lines.join('\n').replace(/\n+$/, ''));
}

/**
 * A cloze card's marked spans drawn: hidden as `[…]` or `[hint]`, revealed in bold inverse, or `[text]` without colour.
 * Drawn before wrapping, where the brackets take the marks' two columns and wrap-ansi carries a style across lines.
 */
function drawClozeSpans(text: string, look: Look): string {
  const { chalk, plain } = look;
  return drawClozeMarks(text, (span) => {
    if (span.kind === 'hidden') return plain ? `[${span.text}]` : chalk.bold.cyan(`[${span.text}]`);
    return plain ? `[${span.text}]` : chalk.bold.inverse(span.text);
  });
}

/** Inline tokens as one styled string with its cloze spans drawn: for a block's whole text, where spans are paired. */
function renderBlockInline(tokens: readonly CardToken[] | undefined, look: Look): string {
  return drawClozeSpans(renderInline(tokens, look), look);
}

/** Block tokens as lines, with one blank line between blocks; blocks that show nothing (HTML comments) take no room. */
function renderBlocks(tokens: readonly CardToken[], width: number, look: Look): string[] {
  const blocks = tokens
    .filter((token) => token.type !== 'space' && token.type !== 'def' && token.type !== 'footnote')
    .map((token) => renderBlock(token, width, look))
    .filter((lines) => lines.join('') !== '');
  return blocks.flatMap((lines, index) => (index === 0 ? lines : ['', ...lines]));
}

function renderBlock(token: CardToken, width: number, look: Look): string[] {
  const { chalk } = look;
  switch (token.type) {
    case 'heading': {
      const text = renderBlockInline(token.tokens, look);
      const marked = look.plain
        ? `${'#'.repeat(token.depth)} ${text}`
        : chalk.bold(token.depth === 1 ? chalk.underline(text) : text);
      return wrapText(marked, width);
    }
    case 'paragraph':
    case 'text':
      return wrapText(
        'tokens' in token && token.tokens
          ? renderBlockInline(token.tokens, look)
          : drawClozeSpans(decodeEntities(token.text), look),
        width,
      );
    case 'list':
      return renderList(token as Tokens.List, width, look, 0);
    case 'code':
      return renderCode(token as Tokens.Code, width, look);
    case 'blockquote':
      return prefixLines(renderBlocks(token.tokens ?? [], width - 2, look), chalk.dim('│ '), chalk.dim('│ '));
    case 'table':
      return renderTable(token as Tokens.Table, width, look);
    case 'hr':
      return [chalk.dim('─'.repeat(Math.min(width, 40)))];
    case 'math':
      return renderDisplayMath(token as MathToken, width, look);
    case 'html':
      return renderHtmlBlock(token.text, width, look);
    case 'details': {
      // The summary as a line, what it hides indented under it.
      const details = token as DetailsToken;
      const body = renderBlocks(details.tokens, width - 2, look);
      return [...renderHtmlBlock(details.summary, width, look), ...prefixLines(body, '  ', '  ')];
    }
    default:
      return wrapText(drawClozeSpans(token.raw.trim(), look), width);
  }
}

function renderList(list: Tokens.List, width: number, look: Look, depth: number): string[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  const markers = list.items.map((item, index) => {
    const marker = list.ordered ? `${start + index}.` : (BULLETS[depth % BULLETS.length] ?? '•');
    return item.task ? `${marker} [${item.checked ? 'x' : ' '}]` : marker;
  });
  const markerWidth = Math.max(...markers.map((marker) => stringWidth(marker)));
  return list.items.flatMap((item, index) => {
    const marker = (markers[index] ?? '').padStart(list.ordered ? markerWidth : 0).padEnd(markerWidth);
    const inner = item.tokens.filter((token) => token.type !== 'checkbox');
    const lines = inner.flatMap((token, tokenIndex) => {
      const block =
        token.type === 'list'
          ? renderList(token as Tokens.List, width - markerWidth - 1, look, depth + 1)
          : renderBlock(token, width - markerWidth - 1, look);
      return item.loose && tokenIndex > 0 ? ['', ...block] : block;
    });
    const itemLines = prefixLines(lines, `${look.chalk.dim(marker)} `, ' '.repeat(markerWidth + 1));
    return list.loose && index > 0 ? ['', ...itemLines] : itemLines;
  });
}

function renderCode(code: Tokens.Code, width: number, look: Look): string[] {
  const text = code.text.replace(/\n+$/, '');
  const language = code.lang?.split(/\s/)[0]?.toLowerCase();
  const highlight = !look.plain && language ? getHighlighter() : undefined;
  const highlighted =
    highlight && language && highlight.registered(language) ? highlight.highlight(language, text).value : text;
  // Drawn over the whole block, before it is cut into lines, so a span over several lines keeps its partner marks.
  const coloured = drawClozeSpans(highlighted, look);
  // Indented like markdown's own code blocks, so code never looks like a quote's `│`.
  const indent = '    ';
  return coloured.split('\n').flatMap((line) => prefixLines(hardWrap(line, width - indent.length), indent, indent));
}

function renderTable(table: Tokens.Table, width: number, look: Look): string[] {
  const header = table.header.map((cell) => look.chalk.bold(renderBlockInline(cell.tokens, look)));
  const rows = table.rows.map((row) => row.map((cell) => renderBlockInline(cell.tokens, look)));
  const natural = header.map((_, column) =>
    Math.max(
      3,
      ...[header, ...rows].map((row) => Math.max(...(row[column] ?? '').split('\n').map((part) => stringWidth(part)))),
    ),
  );
  const colWidths = fitColumns(natural, width - (natural.length + 1));
  const alignments = table.align.map((align) => align ?? 'left');
  // cli-table3 loads at the first table, like the highlighter.
  const TableClass = createRequire(import.meta.url)('cli-table3') as typeof Table;
  const grid = new TableClass({
    head: header,
    colWidths: colWidths.map((content) => content + 2),
    colAligns: alignments,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: look.plain ? [] : ['grey'] },
  });
  grid.push(...rows);
  return grid.toString().split('\n');
}

/** Shrinks the widest columns first until the contents (plus two spaces of padding each) fit `room`. */
function fitColumns(natural: readonly number[], room: number): number[] {
  const widths = [...natural];
  const budget = Math.max(widths.length * 3, room - widths.length * 2);
  while (widths.reduce((sum, w) => sum + w, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= 3) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

/** marked leaves a block of HTML unread: it is read as inline markdown, its tags as in a paragraph. */
function renderHtmlBlock(html: string, width: number, look: Look): string[] {
  return wrapText(dropBlankLines(renderBlockInline(lexInlineMarkdown(html), look)), width);
}

/** The lines of an HTML block without the blank ones its source layout leaves around tags. */
function dropBlankLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Inline tokens as one styled string; without colour, code, strike-through and keys keep their marks. */
function renderInline(tokens: readonly CardToken[] | undefined, look: Look): string {
  const { chalk, plain } = look;
  return resolveInlineHtml(tokens ?? [])
    .map((token): string => {
      switch (token.type) {
        case 'strong':
          return chalk.bold(renderInline(token.tokens, look));
        case 'em':
          return chalk.italic(renderInline(token.tokens, look));
        case 'del':
          return plain
            ? `~~${renderInline(token.tokens, look)}~~`
            : chalk.strikethrough(renderInline(token.tokens, look));
        case 'codespan':
          return plain ? `\`${decodeEntities(token.text)}\`` : chalk.yellow(decodeEntities(token.text));
        case 'link': {
          if (isAudioLink(token.href))
            return chalk.magenta(formatMediaName('sound', decodeEntities(findMediaLabel(token))));
          const text = renderInline(token.tokens, look);
          const shown = plain ? text : chalk.blue.underline(text);
          return token.href === decodeEntities(token.text) || token.href === `mailto:${token.text}`
            ? shown
            : `${shown} ${chalk.dim(`(${token.href})`)}`;
        }
        case 'image':
        case 'sound':
          return chalk.magenta(formatMediaName(token.type, decodeEntities(findMediaLabel(token))));
        case 'br':
          return '\n';
        case 'math':
          return chalk.cyan(formatInlineMath(token as MathToken));
        case 'underline':
          return chalk.underline(renderInline(token.tokens, look));
        case 'kbd':
          return plain ? `[${decodeEntities(token.text)}]` : chalk.inverse(` ${decodeEntities(token.text)} `);
        case 'summary':
          return `\n${chalk.bold(`▸ ${renderInline(token.tokens, look)}`)}\n`;
        case 'escape':
          return token.text;
        case 'footnoteRef': {
          const number = look.footnotes?.get(token.label);
          return number === undefined ? token.raw : `[${number}]`;
        }
        default:
          return 'tokens' in token && token.tokens
            ? renderInline(token.tokens, look)
            : decodeEntities('text' in token ? String(token.text) : token.raw);
      }
    })
    .join('');
}

/**
 * A formula on lines of its own, each centred; one with no Unicode form is shown as written. Cloze spans are drawn
 * over the whole formula, so a span over several lines keeps its partner marks.
 */
function renderDisplayMath(token: MathToken, width: number, look: Look): string[] {
  const converted = convertLatex(token.text);
  if (converted === undefined)
    return drawClozeSpans(token.raw.trim(), look)
      .split('\n')
      .flatMap((line) => prefixLines(hardWrap(line, width - 2), '  ', '  '));
  return drawClozeSpans(converted, look)
    .split('\n')
    .flatMap((line) => wrapText(line, width))
    .map((line) => `${' '.repeat(Math.max(0, Math.floor((width - stringWidth(line)) / 2)))}${look.chalk.cyan(line)}`);
}

/** Cuts a line of code into pieces of `width` columns, keeping its spaces. */
function hardWrap(line: string, width: number): string[] {
  return wrapAnsi(line, Math.max(1, width), { hard: true, trim: false, wordWrap: false }).split('\n');
}

function prefixLines(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (line === '' && index > 0 ? rest.trimEnd() : (index === 0 ? first : rest) + line));
}
