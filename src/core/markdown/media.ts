import type { Token, Tokens } from 'marked';
import { resolveInlineHtml, type CardToken } from './inline-html.js';
import { lexInlineMarkdown, lexMarkdown } from './lexer.js';

/** A picture or a sound a card shows, as written in it. */
export interface MediaReference {
  kind: 'image' | 'sound';
  /** The path or address, as written (relative paths are relative to the card's file). */
  target: string;
  /** What the card names it by: the alt text or link text, else the file name. */
  label: string;
}

/** Files that play: a link to one is a sound. */
const AUDIO_FILE = /\.(?:mp3|ogg|oga|wav|m4a|opus|flac|aac)$/i;

/** Whether a link's target is an audio file (`word.mp3`, `clip.ogg?x=1`). */
export function isAudioLink(href: string): boolean {
  return AUDIO_FILE.test(href.replace(/[?#].*$/, ''));
}

/** Whether `target` is an address on the web (or any URL), not a file next to the card. */
export function isRemoteTarget(target: string): boolean {
  // A drive letter (`C:\…`) is a path, not a scheme.
  return /^[a-z][a-z\d+.-]+:/i.test(target);
}

/** The file name at the end of a path or address, `%20` and the like decoded. */
export function getFileName(target: string): string {
  const name =
    target
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .filter(Boolean)
      .pop() ?? target;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The name a card shows for a medium where it stands: `[image: alt]`, `[sound: word.mp3]`. */
export function formatMediaName(kind: MediaReference['kind'], label: string): string {
  return `[${kind}: ${label}]`;
}

/** Every picture and sound of a card's markdown, in order, each once. */
export function findMedia(markdown: string): MediaReference[] {
  // Most cards have none: no lexing for them.
  if (!/[!<[]|\]\(/.test(markdown)) return [];
  const found = new Map<string, MediaReference>();
  collectMedia(lexMarkdown(markdown), found);
  return [...found.values()];
}

function collectMedia(tokens: readonly CardToken[], found: Map<string, MediaReference>): void {
  for (const token of resolveInlineHtml(tokens)) {
    const reference = toReference(token);
    if (reference && !found.has(reference.target)) found.set(reference.target, reference);
    if (token.type === 'html' && token.block) collectMedia(lexInlineMarkdown(token.text), found);
    else if (token.type === 'list') for (const item of (token as Tokens.List).items) collectMedia(item.tokens, found);
    else if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) collectMedia(cell.tokens, found);
    } else if ('tokens' in token && token.tokens) collectMedia(token.tokens as Token[], found);
  }
}

function toReference(token: CardToken): MediaReference | undefined {
  if ((token.type === 'image' || token.type === 'sound') && token.href)
    return { kind: token.type, target: String(token.href), label: findMediaLabel(token) };
  if (token.type === 'link' && isAudioLink(token.href))
    return { kind: 'sound', target: token.href, label: findMediaLabel(token) };
  return undefined;
}

/** What a picture, sound or audio link is named by: its alt or link text, else its file name. */
export function findMediaLabel(token: CardToken): string {
  const href = 'href' in token ? String(token.href) : '';
  const text = token.type === 'sound' || !('text' in token) ? '' : String(token.text);
  return text && text !== href ? text : getFileName(href);
}

/** The 1-based line of `text` where `target` is first written (1 when it cannot be found). */
export function findLineOf(text: string, target: string): number {
  const at = text.indexOf(target);
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}
