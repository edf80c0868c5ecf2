import { findCodeLines, splitLines } from './lines.js';

/**
 * hashcards' cloze text (`C: The capital of [France]`) written as Anki's `{{c1::France}}`, numbered in order, with how
 * many deletions it holds. Brackets that markdown gives a meaning keep it: links `[x](url)`, images `![x](y)`,
 * reference links `[x][y]` and definitions `[x]: url`, footnotes `[^1]`, escaped `\[`, and brackets inside code or
 * math.
 */
export function convertBracketCloze(text: string): { text: string; deletions: number } {
  const lines = splitLines(text);
  const code = findCodeLines(lines);
  const counter = { deletions: 0 };
  const out: string[] = [];
  let prose: string[] = [];
  // Prose runs are scanned whole, so `$$` math and deletions may span lines; fenced code is copied as written.
  const flush = () => {
    if (prose.length > 0) out.push(convertProse(prose.join('\n'), counter));
    prose = [];
  };
  lines.forEach((line, index) => {
    if (code[index]) {
      flush();
      out.push(line);
    } else prose.push(line);
  });
  flush();
  return { text: out.join('\n'), deletions: counter.deletions };
}

function convertProse(text: string, counter: { deletions: number }): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const skip = skipVerbatim(text, i);
    if (skip > i) {
      out += text.slice(i, skip);
      i = skip;
      continue;
    }
    const image = text[i] === '!' && text[i + 1] === '[';
    const close = image || text[i] === '[' ? findClosingBracket(text, image ? i + 1 : i) : -1;
    if (close > 0 && !image && isDeletion(text, i, close)) {
      // As hashcards: brackets holding deletions (`E[[a] - [b]]`) are no deletion, and it shows them not.
      const before = counter.deletions;
      const inner = convertProse(text.slice(i + 1, close), counter);
      if (counter.deletions === before) {
        counter.deletions += 1;
        out += `{{c${counter.deletions}::${text.slice(i + 1, close)}}}`;
      } else out += inner;
      i = close + 1;
      continue;
    }
    if (close > 0) {
      const end = skipLinkTail(text, close);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += text[i];
    i += 1;
  }
  return out;
}

/** Whether `[…]` from `open` to `close` is a deletion rather than markdown: a link, a footnote, an empty box. */
function isDeletion(text: string, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '' || inner.startsWith('^')) return false;
  const next = text[close + 1];
  if (next === '(' || next === '[') return false;
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  return !(next === ':' && /^ {0,3}$/.test(text.slice(lineStart, open)));
}

/** The end of a link whose text closes at `close`: past its `(url)` or `[ref]`, else just past the bracket. */
function skipLinkTail(text: string, close: number): number {
  const next = text[close + 1];
  const end = next === '(' ? text.indexOf(')', close + 1) : next === '[' ? findClosingBracket(text, close + 1) : -1;
  return end < 0 ? close + 1 : end + 1;
}

/** The `]` matching the `[` at `open` (nested brackets counted, code and math skipped), or -1. */
function findClosingBracket(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const skip = skipVerbatim(text, i);
    if (skip > i) {
      i = skip;
      continue;
    }
    if (text[i] === '[') depth += 1;
    else if (text[i] === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return -1;
}

/** Past an escape, a code span or math starting at `i`, whose brackets are not deletions; `i` when none starts there. */
function skipVerbatim(text: string, i: number): number {
  const char = text[i];
  if (char === '\\') return Math.min(i + 2, text.length);
  if (char === '`') {
    const run = /^`+/.exec(text.slice(i))?.[0] ?? '`';
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const match = close.exec(text);
    return match ? match.index + run.length : i + run.length;
  }
  if (char === '$') return skipMath(text, i);
  return i;
}

function skipMath(text: string, i: number): number {
  if (text.startsWith('$$', i)) {
    const close = text.indexOf('$$', i + 2);
    return close < 0 ? i : close + 2;
  }
  // Pandoc's rule, so prices like "$5 and $10" are not math: no space just inside either dollar.
  if (/\s/.test(text[i + 1] ?? ' ')) return i;
  for (let j = i + 1; j < text.length; j += 1) {
    if (text[j] === '\\') j += 1;
    else if (text[j] === '$' && !/\s/.test(text[j - 1] ?? ' ')) return j + 1;
  }
  return i;
}
