import TurndownService from 'turndown';
import { decodeEntities } from '../markdown/text.js';

// Tags of the HTML that flashcard tools write, comments and entities: `List<T>` or `a <b` in plain text is no HTML.
const HTML_LIKE =
  /<\/?(?:a|b|i|u|s|br|hr|div|p|span|img|ul|ol|li|sub|sup|font|strong|em|code|pre|table|thead|tbody|tr|td|th|h[1-6]|blockquote|audio|video|source|small|big|strike|del|ins|mark|tt|kbd|center|style|script|ruby|rt|rp|details|summary|section|label)\b[^>]*>|<!--|&(?:[a-z]+|#\d+|#x[\da-f]+);/i;
// LaTeX as Anki's MathJax reads it (`\(…\)`, `\[…\]`) and as flashdeck's markdown does (`$…$`, `$$…$$`).
const MATH = /\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\$\$[\s\S]+?\$\$|\$(?![\s$])[^$\n]*?[^\s$\\]\$(?!\d)/g;
// Anki's older LaTeX markup, as the `$` forms flashdeck's markdown reads.
const ANKI_LATEX = /\[(\$\$?|latex)\]([\s\S]+?)\[\/\1\]/g;
const SOUND = /\[sound:([^\]\n]+)\]/g;
// Anki's text-to-speech markup around text a card shows: the text stays.
const TTS = /\[anki:tts\b[^\]]*\]([\s\S]*?)\[\/anki:tts\]/g;
// What stands for a kept span while the rest is converted: private-use characters that no converter touches.
const KEPT = /\uE000(\d+)\uE001/g;
// The line that Anki draws between a card's question and its answer, and everything above it.
const REPEATED_QUESTION = /^[\s\S]*<hr\b[^>]*\bid\s*=\s*["']?answer\b["']?[^>]*>/i;

/** True when a field holds HTML tags, comments or entities, as Anki guesses when a file does not say. */
export function looksLikeHtml(text: string): boolean {
  return HTML_LIKE.test(text);
}

/** A rendered answer without the question Anki's "Cards in Plain Text" export repeats above `<hr id=answer>`. */
export function dropRepeatedQuestion(answer: string): string {
  return answer.replace(REPEATED_QUESTION, '');
}

/**
 * A field as markdown. HTML is converted: `<br>` a line break, `<br><br>` a new paragraph, `<div>` lines as lines
 * unless one only wraps a sentence (then joined), `<img>` an image. In every field LaTeX stays exactly as written (Anki's
 * `[$]…[/$]` becomes `$…$`) and `[sound:x.mp3]` becomes a link to its file.
 */
export function toMarkdown(field: string, html: boolean | null): string {
  const kept: string[] = [];
  const keep = (markdown: string) => `\uE000${kept.push(markdown) - 1}\uE001`;
  const isHtml = html ?? looksLikeHtml(field);
  let text = field
    .replace(TTS, '$1')
    .replace(ANKI_LATEX, (_, kind: string, latex: string) =>
      keep(toDollarMath(kind, isHtml ? htmlMathToText(latex) : latex)),
    )
    .replace(MATH, (math) => keep(isHtml ? htmlMathToText(math) : math));
  text = text.replace(SOUND, (_, file: string) => keep(formatSoundLink(isHtml ? decodeEntities(file) : file)));
  if (isHtml) text = convertHtml(text);
  return text.replace(KEPT, (_, index: string) => kept[Number(index)] ?? '');
}

/** `[$]…[/$]` as `$…$`; `[$$]…[/$$]` and `[latex]…[/latex]` as `$$…$$`. */
function toDollarMath(kind: string, latex: string): string {
  const fence = kind === '$' ? '$' : '$$';
  return `${fence}${latex.trim()}${fence}`;
}

/** `[sound: x.mp3](x.mp3)`: a link a terminal shows with the file's name; `<…>` around a name with spaces. */
function formatSoundLink(file: string): string {
  const name = file.trim();
  return `[sound: ${name}](${formatLinkTarget(name)})`;
}

function formatLinkTarget(target: string): string {
  return /[\s()<>]/.test(target) ? `<${target.replace(/[<>]/g, encodeURIComponent)}>` : target;
}

/** LaTeX as an HTML field holds it: line breaks the editor added dropped, entities decoded. */
function htmlMathToText(math: string): string {
  return decodeEntities(math.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''));
}

let turndown: TurndownService | undefined;

function convertHtml(html: string): string {
  turndown ??= createTurndown();
  const tidy = joinDivLines(html)
    .replace(/<p>\s*<br\s*\/?>\s*<\/p>/gi, '')
    .replace(/(?:<br\s*\/?>\s*)+$/i, '')
    .replace(/(?:<br\s*\/?>\s*){2,}/gi, '<p></p>');
  // Anki's editor pads with `&nbsp;`: a run of them (and the spaces around) is one space, as a browser shows it.
  return turndown.turndown(tidy).replace(/ *\u00A0[ \u00A0]*/g, ' ');
}

/**
 * Anki's editor writes each line as a `<div>`; a `<div><br></div>` is an empty line. Lines become `<br>` breaks and
 * an empty line a paragraph break, except where a line only wraps a sentence (a line of four words or more, or ending
 * with a comma, without a sentence's closing punctuation, and the next starting in lower case): those are joined.
 */
function joinDivLines(html: string): string {
  if (!/<div\b/i.test(html)) return html;
  let result = '';
  let pendingBreak = '';
  for (const part of html.split(/<\/?div\b[^>]*>/i)) {
    if (/^\s*(?:<br\s*\/?>\s*)?$/i.test(part)) {
      if (/<br/i.test(part) && result) pendingBreak = '<br><br>';
      continue;
    }
    if (result) result += pendingBreak || (wrapsSentence(result, part) ? ' ' : '<br>');
    result += part;
    pendingBreak = '';
  }
  return result;
}

function wrapsSentence(before: string, after: string): boolean {
  const line = visibleText(before.split(/<br\s*\/?>/i).at(-1) ?? '').trim();
  const first = visibleText(after).trimStart().charAt(0);
  if (!line || /[.!?:;。！？]$/u.test(line) || !/\p{Ll}/u.test(first)) return false;
  // A short line is an item of a list (a conjugation, a word), not part of a sentence.
  return line.endsWith(',') || line.split(/\s+/).length >= 4;
}

function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    br: '\\',
  });
  // What a card shows, not how a template styles or scripts it.
  service.remove(['style', 'script', 'head', 'title']);
  service.addRule('image', {
    filter: 'img',
    replacement: (_, node) => {
      const source = (node as HTMLElement).getAttribute('src') ?? '';
      return source ? `![](${formatLinkTarget(source)})` : '';
    },
  });
  // `- item` rather than turndown's `-   item`, with nested lines indented to match.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      const index = parent ? Array.prototype.indexOf.call(parent.children, node) : 0;
      const start = Number(parent?.getAttribute('start') ?? '1') || 1;
      const marker = parent?.nodeName === 'OL' ? `${start + index}. ` : '- ';
      const text = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
      return `${marker}${text}${node.nextSibling && !text.endsWith('\n') ? '\n' : ''}`;
    },
  });
  return service;
}
