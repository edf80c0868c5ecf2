// Private-use characters mark a cloze card's hidden and revealed spans: markdown gives them no meaning, so they pass
// through any block or inline syntax (code included) and are styled once the markdown is rendered.
const HIDDEN_OPEN = '\uE000';
const HIDDEN_CLOSE = '\uE001';
const REVEALED_OPEN = '\uE002';
const REVEALED_CLOSE = '\uE003';
const ANY_MARK = /[\uE000-\uE003]/g;

/** A piece of marked text: plain, or the inside of a hidden or revealed span (without its marks). */
export interface MarkedSegment {
  kind: 'plain' | 'hidden' | 'revealed';
  text: string;
}

/** Text with the characters used as marks taken out: card text must not bring its own. */
export function removeClozeMarks(text: string): string {
  return text.replace(ANY_MARK, '');
}

/** Whether `text` holds a hidden span's opening mark. */
export function hasHiddenMark(text: string): boolean {
  return text.includes(HIDDEN_OPEN);
}

/** A hidden span showing `shown` (`…` or the hint), on one line so no block boundary can split it. */
export function markHidden(shown: string): string {
  return `${HIDDEN_OPEN}${shown.replace(/\s*\n\s*/g, ' ')}${HIDDEN_CLOSE}`;
}

/** A revealed span around `text`; each paragraph is marked apart, since markdown renders paragraphs apart. */
export function markRevealed(text: string): string {
  return text
    .split(/(\n[ \t]*\n)/)
    .map((chunk, index) =>
      index % 2 === 1 || chunk.trim() === '' ? chunk : `${REVEALED_OPEN}${chunk}${REVEALED_CLOSE}`,
    )
    .join('');
}

/** Marked text as plain and marked segments; a mark without its partner is dropped, and so are marks inside a span. */
export function splitClozeMarks(text: string): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let plainStart = 0;
  let plain = '';
  // Once a close mark is missing after some point it is missing after any later one: keeps the scan linear.
  const noCloseFrom = new Map<string, number>();
  const marks = new RegExp(ANY_MARK.source, 'g');
  for (let match = marks.exec(text); match; match = marks.exec(text)) {
    const mark = match[0];
    plain += text.slice(plainStart, match.index);
    plainStart = match.index + 1;
    if (mark !== HIDDEN_OPEN && mark !== REVEALED_OPEN) continue;
    const close = mark === HIDDEN_OPEN ? HIDDEN_CLOSE : REVEALED_CLOSE;
    const end = match.index >= (noCloseFrom.get(close) ?? Infinity) ? -1 : text.indexOf(close, match.index + 1);
    if (end === -1) {
      noCloseFrom.set(close, Math.min(match.index, noCloseFrom.get(close) ?? Infinity));
      continue;
    }
    if (plain) segments.push({ kind: 'plain', text: plain });
    plain = '';
    segments.push({
      kind: mark === HIDDEN_OPEN ? 'hidden' : 'revealed',
      text: removeClozeMarks(text.slice(match.index + 1, end)),
    });
    plainStart = end + 1;
    marks.lastIndex = end + 1;
  }
  plain += text.slice(plainStart);
  if (plain) segments.push({ kind: 'plain', text: plain });
  return segments;
}

/** Marked text with each span drawn by `draw` and every mark gone. */
export function drawClozeMarks(text: string, draw: (segment: MarkedSegment) => string): string {
  // `search` ignores the pattern's `g` flag and its lastIndex.
  if (text.search(ANY_MARK) === -1) return text;
  return splitClozeMarks(text)
    .map((segment) => (segment.kind === 'plain' ? segment.text : draw(segment)))
    .join('');
}
