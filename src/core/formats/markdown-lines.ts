/** A heading line of a markdown file, outside fenced code. */
export interface HeadingLine {
  /** 0-based index of the line. */
  index: number;
  level: number;
  /** The heading's text, trimmed; '' for a bare `##`. */
  text: string;
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The lines of a file as the readers see them: no byte order mark, `\n` line ends. */
export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
}

/** The headings of `lines` up to `maxLevel`, skipping fenced code, where `# ` is a shell comment or a prompt. */
export function findHeadings(lines: readonly string[], maxLevel: number): HeadingLine[] {
  const headings: HeadingLine[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
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
