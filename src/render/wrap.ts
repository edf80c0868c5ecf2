import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

// Leading spaces plus a list marker, if any: continuation lines are indented to sit under the text.
const HANGING_PREFIX = /^\s*(?:(?:[*•+-]|\d+[.)])\s+)?/;
const MIN_ROOM = 10;

/** Wraps one line to `width` columns by display width, indenting continuations under its text. */
function wrapLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const prefix = HANGING_PREFIX.exec(line)?.[0] ?? '';
  const room = width - stringWidth(prefix);
  if (room < MIN_ROOM) return wrapAnsi(line, width, { hard: true });
  const indent = ' '.repeat(stringWidth(prefix));
  const body = wrapAnsi(line.slice(prefix.length), room, { hard: true }).split('\n');
  return body.map((part, i) => (i === 0 ? prefix : indent) + part).join('\n');
}

/** Wraps every line of `text` to `width` columns, keeping list items and indented blocks aligned. */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}
