/** The lines of a file as the readers see them: no byte order mark, any of `\n`, `\r\n`, `\r` ending a line. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files end their lines with `\n` alone: they are spared a replace over the whole text.
  return (body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body).split('\n');
}

// A backtick fence's info string holds no backtick: "```select 1;```" is inline code, not a fence.
const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/** For each line, whether it belongs to a fenced code block (fence lines included), where markers mean nothing. */
export function findCodeLines(lines: readonly string[]): boolean[] {
  let open: string | null = null;
  return lines.map((line) => {
    const fence = FENCE.exec(line)?.[1];
    if (open === null) {
      if (fence !== undefined) open = fence;
      return fence !== undefined;
    }
    // A fence closes on a bare run of the same character at least as long as the one that opened it.
    if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence)
      open = null;
    return true;
  });
}

/** A heading line of a markdown file, outside fenced code. */
export interface HeadingLine {
  /** 0-based index of the line. */
  index: number;
  level: number;
  /** The heading's text, trimmed; '' for a bare `##`. */
  text: string;
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** The headings of `lines` up to `maxLevel`, skipping fenced code, where `# ` is a shell comment or a prompt. */
export function findHeadings(lines: readonly string[], maxLevel: number): HeadingLine[] {
  const code = findCodeLines(lines);
  const headings: HeadingLine[] = [];
  lines.forEach((line, index) => {
    if (code[index]) return;
    const heading = HEADING.exec(line);
    const level = heading?.[1]?.length ?? 0;
    if (heading && level <= maxLevel) headings.push({ index, level, text: (heading[2] ?? '').trim() });
  });
  return headings;
}

/** The lines from `start` to `end` (exclusive) as one text, without the blank lines around it. */
export function joinTrimmed(lines: readonly string[], start: number, end: number): string {
  return lines
    .slice(start, end)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}
