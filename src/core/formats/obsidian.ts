/**
 * Notes written for the Obsidian spaced repetition plugin (st3v3nmw/obsidian-spaced-repetition), read the way the
 * plugin reads them with its default settings: `q::a`, `q:::a`, `?`/`??` blocks, `==highlight==` clozes, the
 * `#flashcards` tag and its decks, and the `<!--SR:…-->` schedules it keeps.
 */
import { type ForeignNote, type ForeignReading } from './foreign-note.js';
import type { KeptSchedule } from '../log/review-log.js';
import { splitLines } from './lines.js';
import { isCommentLine, isTagLine, readFrontmatter, readLines, type ObsidianLine } from './obsidian-text.js';

const isDeckTag = (name: string): boolean => name === 'flashcards' || name.startsWith('flashcards/');
const deckOf = (tag: string | undefined): string | undefined => tag?.slice('flashcards/'.length) || undefined;

// What any file in the plugin's syntax holds somewhere: a separator, a schedule, the tag, a `?`/`??` line.
const MAY_BE_OBSIDIAN = /::|<!--SR:|flashcards|^[ \t]*\?\??[ \t]*\r?$/m;

// What readLines masks: code (fences, inline) and HTML comments.
const UNMASKED_NEEDS = /`|~~~|<!--/;

// flashdeck's own cloze deletions `{{c1::x}}` are not the plugin's separator.
const hasSeparator = (masked: string): boolean => masked.replace(/\{\{c\d+::/g, '').includes('::');

/** The file uses the plugin's card syntax (a flashcards tag, `::`, a `?`/`??` line, an SR comment). */
export function recognizeObsidian(text: string): boolean {
  // Most files hold none of the plugin's marks: they are spared reading every line.
  if (!MAY_BE_OBSIDIAN.test(text)) return false;
  const all = splitLines(text);
  const front = readFrontmatter(all);
  if (front.tags.some(isDeckTag)) return true;
  // Without code or comments every line is its own mask: a separator is found without reading each line.
  if (front.bodyStart === 0 && !UNMASKED_NEEDS.test(text) && hasSeparator(text)) return true;
  const lines = readLines(all, front.bodyStart);
  const hasText = (line: ObsidianLine | undefined): boolean => line !== undefined && line.raw.trim() !== '';
  return lines.some(
    (line, i) =>
      line.sr !== undefined ||
      line.tags.some((tag) => isDeckTag(tag.name)) ||
      hasSeparator(line.masked) ||
      (!line.code && /^\?\??$/.test(line.raw.trim()) && hasText(lines[i - 1]) && hasText(lines[i + 1])),
  );
}

/** A card block found in the text, before decks and tags are given. */
interface Found {
  lines: ObsidianLine[];
  question: string;
  answer: string;
  reverse: boolean;
  /** How many cards the plugin makes of it. */
  cards: number;
  /** The line holding the schedule comment that belongs to it. */
  sr?: ObsidianLine;
}

/** Reads the plugin's notes; a file without the flashcards tag holds none, as the plugin skips it. */
export function readObsidian(text: string): ForeignReading {
  // Without the word there is no tag: most notes of a vault are spared reading every line.
  if (!text.includes('flashcards')) return { format: 'obsidian', notes: [], problems: [] };
  const all = splitLines(text);
  const front = readFrontmatter(all);
  const lines = readLines(all, front.bodyStart);
  const problems: ForeignReading['problems'] = [];
  const bodyDeckTags = lines.flatMap((line) => line.tags.filter((tag) => isDeckTag(tag.name)));
  if (!front.tags.some(isDeckTag) && bodyDeckTags.length === 0) return { format: 'obsidian', notes: [], problems };

  const found = findCards(lines);
  const onCard = new Set(found.flatMap((card) => card.lines.map((line) => line.index)));
  // Tags outside cards are the note's: a deck tag holds for the cards after it, other tag lines for every card.
  const deckLines: { index: number; tag: string }[] = [];
  const noteTags = front.tags.filter((tag) => !isDeckTag(tag));
  for (const line of lines.filter((l) => !onCard.has(l.index))) {
    const deckTag = line.tags.find((tag) => isDeckTag(tag.name));
    if (deckTag) deckLines.push({ index: line.index, tag: deckTag.name });
    if (isTagLine(line)) noteTags.push(...line.tags.filter((tag) => !isDeckTag(tag.name)).map((tag) => tag.name));
  }
  // As the plugin: the card's own tag, else the last deck tag above it, else the frontmatter's, else the file's first.
  const fileDeckTag = front.tags.find(isDeckTag) ?? bodyDeckTags[0]?.name;

  const notes = found.map((card): ForeignNote => {
    const first = card.lines[0] as ObsidianLine;
    const deckTag =
      first.tags.find((tag) => isDeckTag(tag.name))?.name ??
      deckLines.findLast((deckLine) => deckLine.index < first.index)?.tag ??
      fileDeckTag;
    const cardTags = card.lines.flatMap((line) => line.tags.map((tag) => tag.name)).filter((tag) => !isDeckTag(tag));
    const deck = deckOf(deckTag);
    const schedules = card.sr && readSchedules(card.sr, card.cards, problems);
    return {
      line: first.index + 1,
      question: card.question,
      answer: card.answer,
      reverse: card.reverse,
      tags: [...new Set([...noteTags, ...cardTags])],
      ...(deck !== undefined && { deck }),
      ...(schedules && { schedules }),
    };
  });
  return { format: 'obsidian', notes, problems };
}

/** Walks the body as the plugin's parser does: a blank line or an SR comment line ends a card. */
function findCards(lines: ObsidianLine[]): Found[] {
  const cards: Found[] = [];
  let block: ObsidianLine[] = [];
  let separator: { at: number; reverse: boolean } | undefined;
  const flush = (srLine?: ObsidianLine): void => {
    const card = separator ? multiLineCard(block, separator, srLine) : clozeCard(block, srLine);
    if (card) cards.push(card);
    block = [];
    separator = undefined;
  };
  for (const [i, line] of lines.entries()) {
    const trimmed = line.raw.trim();
    if (!line.code && trimmed === '') {
      flush();
    } else if (isCommentLine(line)) {
      // An SR comment on its own line closes the card above; other comments are hidden text.
      if (line.sr) flush(line);
    } else if (block.length === 0 && isTagLine(line)) {
      // Tags above a card are the note's, not part of the card's text.
    } else if (!line.code && !separator && line.masked.includes('::')) {
      // An SR comment on the next line belongs to this card; that line then closes an empty block.
      const next = lines[i + 1];
      const srNext = next && isCommentLine(next) && next.sr ? next : undefined;
      // The plugin starts afresh after a one-line card: lines above it in the paragraph are no card.
      cards.push(singleLineCard(line, line.sr ? line : srNext));
      block = [];
    } else if (!line.code && !separator && block.length > 0 && (trimmed === '?' || trimmed === '??')) {
      separator = { at: block.length, reverse: trimmed === '??' };
    } else {
      block.push(line);
    }
  }
  flush();
  return cards;
}

/** The line's text without its SR comment and, on a card's first line, without the card's deck tag. */
function clean(line: ObsidianLine, first: boolean): { raw: string; masked: string } {
  const deckTag = first ? line.tags.find((tag) => isDeckTag(tag.name)) : undefined;
  const cuts = [line.sr, deckTag].filter((cut) => cut !== undefined).sort((a, b) => b.start - a.start);
  let { raw, masked } = line;
  for (const { start, end } of cuts) {
    raw = raw.slice(0, start) + raw.slice(end);
    masked = masked.slice(0, start) + masked.slice(end);
  }
  return { raw, masked };
}

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
const HIGHLIGHT_MARK = /==(?=\S)([^=\n]+?)(?<=\S)==/g;

/** A basic card's `==highlights==` (outside code) as bold: what a terminal can show of Obsidian's highlight. */
function showHighlights(text: string): string {
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(HIGHLIGHT_MARK, '**$1**')))
    .join('');
}

/** Lines as markdown: ends trimmed, and a one-line question loses its list marker (`- q::a`). */
function joinText(texts: string[], isQuestion: boolean): string {
  const text = texts
    .map((t) => t.trimEnd())
    .join('\n')
    .replace(/^\n+|\s+$/g, '');
  return isQuestion ? (texts.length === 1 ? text.replace(LIST_MARKER, '') : text).trimStart() : text;
}

function singleLineCard(line: ObsidianLine, sr: ObsidianLine | undefined): Found {
  const { raw, masked } = clean(line, true);
  const reverse = masked.includes(':::');
  const at = masked.indexOf(reverse ? ':::' : '::');
  return {
    lines: sr && sr !== line ? [line, sr] : [line],
    question: showHighlights(joinText([raw.slice(0, at)], true)),
    answer: showHighlights(raw.slice(at + (reverse ? 3 : 2)).trim()),
    reverse,
    cards: reverse ? 2 : 1,
    ...(sr && { sr }),
  };
}

function multiLineCard(
  block: ObsidianLine[],
  separator: { at: number; reverse: boolean },
  srLine: ObsidianLine | undefined,
): Found {
  const texts = block.map((line, i) => clean(line, i === 0).raw);
  const last = block[block.length - 1];
  const sr = srLine ?? (last?.sr ? last : undefined);
  return {
    lines: srLine ? [...block, srLine] : block,
    question: showHighlights(joinText(texts.slice(0, separator.at), true)),
    answer: showHighlights(joinText(texts.slice(separator.at), false)),
    reverse: separator.reverse,
    cards: separator.reverse ? 2 : 1,
    ...(sr && { sr }),
  };
}

// As the plugin's cloze pattern: up to the next `==`, so a highlight may hold `a = b` or code (`\0` when masked).
const HIGHLIGHT = /==(.+?)==/g;

/** A paragraph with `==highlights==` is a cloze note, one deletion (and card) per highlight, numbered in order. */
function clozeCard(block: ObsidianLine[], srLine: ObsidianLine | undefined): Found | undefined {
  let count = 0;
  const texts = block.map((line, i) => {
    const { raw, masked } = clean(line, i === 0);
    let out = '';
    let from = 0;
    for (const match of masked.matchAll(HIGHLIGHT)) {
      out += `${raw.slice(from, match.index)}{{c${++count}::${raw.slice(match.index + 2, match.index + match[0].length - 2)}}}`;
      from = match.index + match[0].length;
    }
    return out + raw.slice(from);
  });
  if (count === 0) return undefined;
  const last = block[block.length - 1];
  const sr = srLine ?? (last?.sr ? last : undefined);
  return {
    lines: srLine ? [...block, srLine] : block,
    question: '',
    answer: joinText(texts, false),
    reverse: false,
    cards: count,
    ...(sr && { sr }),
  };
}

// A real calendar day: `2024-02-30` reads as a date but is none.
function isDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

const SCHEDULE = /!(\d{4}-\d{2}-\d{2}),(\d+),(\d+)/g;

/** The comment's schedules, one per card (extra ones dropped, as the plugin does); a problem when unreadable. */
function readSchedules(
  line: ObsidianLine,
  cards: number,
  problems: ForeignReading['problems'],
): KeptSchedule[] | undefined {
  const body = line.sr?.body.trim() ?? '';
  const schedules = [...body.matchAll(SCHEDULE)].map((m): KeptSchedule => ({
    due: m[1] ?? '',
    interval: Number(m[2]),
    ease: Number(m[3]),
  }));
  const readable = schedules.length > 0 && body.replace(SCHEDULE, '') === '' && schedules.every((s) => isDay(s.due));
  if (!readable) {
    problems.push({
      line: line.index + 1,
      message: `cannot read the schedule comment <!--SR:${body}-->: expected !YYYY-MM-DD,interval,ease for each card`,
    });
    return undefined;
  }
  return schedules.slice(0, cards);
}
