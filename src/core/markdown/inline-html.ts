import type { Token } from 'marked';
import type { DetailsToken } from './details.js';
import type { FootnoteRefToken, FootnoteToken } from './footnotes.js';
import type { MathToken, SoundToken } from './lexer.js';
import { MAX_NESTING } from './nesting.js';
import { toSubscript, toSuperscript } from './scripts.js';

/** Underlined text (`<u>`), or a `<details>` summary, which shows as a line of its own. */
export interface StyledToken {
  type: 'underline' | 'summary';
  raw: string;
  text: string;
  tokens: readonly CardToken[];
}

/** A key to press (`<kbd>`), as written between its tags. */
export interface KeyToken {
  type: 'kbd';
  raw: string;
  text: string;
}

/** What card markdown reads as: marked's tokens, math spans, and the few HTML tags cards use, resolved. */
export type CardToken =
  Token | MathToken | SoundToken | FootnoteToken | FootnoteRefToken | DetailsToken | StyledToken | KeyToken;

/** The marked token or the kind of text a known pair of tags turns into. */
type Meaning = 'strong' | 'em' | 'del' | 'codespan' | 'underline' | 'kbd' | 'sub' | 'sup' | 'summary';
type InlineHtml = Extract<Token, { type: 'html' }>;

/** What each known pair of tags means; any other tag is shown as written, so `Vec<T>` stays `Vec<T>`. */
const PAIRED_TAGS = new Map<string, Meaning>([
  ['b', 'strong'],
  ['strong', 'strong'],
  ['i', 'em'],
  ['em', 'em'],
  ['s', 'del'],
  ['del', 'del'],
  ['code', 'codespan'],
  ['u', 'underline'],
  ['ins', 'underline'],
  ['kbd', 'kbd'],
  ['sub', 'sub'],
  ['sup', 'sup'],
  ['summary', 'summary'],
]);

/** Tags that only structure the HTML: left out, their content shown (an unpaired `<summary>` included). */
const LAYOUT_TAGS = new Set(['details', 'summary']);

const TAG = /^<(\/?)([A-Za-z][A-Za-z\d-]*)/;

/** Tags that show a file: a picture (`<img>`) or a sound (`<audio>`, or its `<source>`). */
const MEDIA_TAGS = new Set(['img', 'audio', 'source']);

/** An attribute's value in a tag (`src="x.png"`, `alt='a'`, `src=x.png`), entities left as written. */
function readAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function isInlineHtml(token: CardToken): token is InlineHtml {
  return token.type === 'html' && !token.block;
}

/** The tag's name (lower case) and whether it closes, or undefined for a comment or a declaration. */
function readTag(token: InlineHtml): { name: string; closing: boolean } | undefined {
  const match = TAG.exec(token.text);
  return match ? { name: (match[2] ?? '').toLowerCase(), closing: match[1] === '/' } : undefined;
}

/**
 * Inline tokens with their HTML resolved: known pairs of tags (`<b>…</b>`, `<sub>…</sub>`…) become what they mean,
 * `<br>` a line break, comments and `<details>` tags nothing, and every other tag text as written.
 */
export function resolveInlineHtml(tokens: readonly CardToken[]): readonly CardToken[] {
  if (!tokens.some(isInlineHtml)) return tokens;
  const pairs = matchTagPairs(tokens);
  const resolved: CardToken[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as CardToken;
    const pair = pairs.get(index);
    if (pair) {
      resolved.push(resolvePair(pair.meaning, tokens.slice(index, pair.close + 1)));
      index = pair.close;
    } else if (isInlineHtml(token)) {
      resolved.push(...resolveLoneTag(token));
    } else {
      resolved.push(token);
    }
  }
  return resolved;
}

/**
 * Where each known opening tag closes, by token index. One pass with a stack, at most MAX_NESTING tags deep (deeper
 * ones stay text), so a hostile card costs linear time and bounded recursion.
 */
function matchTagPairs(tokens: readonly CardToken[]): Map<number, { close: number; meaning: Meaning }> {
  const pairs = new Map<number, { close: number; meaning: Meaning }>();
  const open: { name: string; index: number; meaning: Meaning }[] = [];
  tokens.forEach((token, index) => {
    const tag = isInlineHtml(token) ? readTag(token) : undefined;
    const meaning = tag && PAIRED_TAGS.get(tag.name);
    if (!tag || !meaning) return;
    if (!tag.closing) {
      if (open.length < MAX_NESTING) open.push({ name: tag.name, index, meaning });
      return;
    }
    const at = open.findLastIndex((entry) => entry.name === tag.name);
    const opening = open[at];
    if (!opening) return;
    pairs.set(opening.index, { close: index, meaning });
    // Tags opened inside and never closed there stay text.
    open.length = at;
  });
  return pairs;
}

/** An opening tag, what it holds and its closing tag, as the token that means the same. */
function resolvePair(meaning: Meaning, tokens: readonly CardToken[]): CardToken {
  const inner = tokens.slice(1, -1);
  const raw = tokens.map((token) => token.raw).join('');
  const text = inner.map((token) => token.raw).join('');
  switch (meaning) {
    case 'codespan':
    case 'kbd':
      return { type: meaning, raw, text };
    case 'sub':
    case 'sup':
      // Unicode has only some letters and signs as sub- and superscripts: anything else stays as written.
      return { type: 'text', raw, text: (meaning === 'sub' ? toSubscript(text) : toSuperscript(text)) ?? raw };
    default:
      // marked's own tokens hold marked's tokens; these hold resolved ones, which every reader of them handles.
      return { type: meaning, raw, text, tokens: resolveInlineHtml(inner) } as CardToken;
  }
}

/** A tag without its pair: a line break, nothing (comments, layout tags) or the text as written. */
function resolveLoneTag(token: InlineHtml): CardToken[] {
  const tag = readTag(token);
  if (tag?.name === 'br') return [{ type: 'br', raw: token.raw }];
  const source = tag && !tag.closing && MEDIA_TAGS.has(tag.name) ? readAttribute(token.text, 'src') : undefined;
  if (source && tag?.name === 'img') {
    const alt = readAttribute(token.text, 'alt') ?? '';
    return [{ type: 'image', raw: token.raw, href: source, title: null, text: alt, tokens: [] }];
  }
  if (source) return [{ type: 'sound', raw: token.raw, href: source }];
  if (tag && MEDIA_TAGS.has(tag.name)) return []; // `<audio controls>` around its `<source>`, `</audio>`
  if (token.text.startsWith('<!--') || (tag && LAYOUT_TAGS.has(tag.name))) return [];
  return [{ type: 'text', raw: token.raw, text: token.raw }];
}
