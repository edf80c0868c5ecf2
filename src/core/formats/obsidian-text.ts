/**
 * The text-level reading the Obsidian reader builds on: frontmatter tags, which characters are code or HTML comments,
 * the tags and `<!--SR:` comments of each line.
 */

/** One line of a note's body as the Obsidian reader sees it. */
export interface ObsidianLine {
  /** 0-based index in the file. */
  index: number;
  raw: string;
  /** `raw` with code replaced by `\0` and HTML comments by spaces, same length: separators are looked for here. */
  masked: string;
  /** Inside a fenced code block (or its fence): nothing on it is syntax. */
  code: boolean;
  /** Tags outside code and comments, without `#`, with where they sit in `raw`. */
  tags: { name: string; start: number; end: number }[];
  /** The first `<!--SR:…-->` comment outside code: its body and where it sits in `raw`. */
  sr?: { body: string; start: number; end: number };
}

/** The frontmatter's extent (lines before `bodyStart`) and its `tags`, without `#`. */
export function readFrontmatter(lines: string[]): { bodyStart: number; tags: string[] } {
  if (lines[0]?.trimEnd() !== '---') return { bodyStart: 0, tags: [] };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { bodyStart: 0, tags: [] };
  const tags: string[] = [];
  let inTags = false;
  for (const line of lines.slice(1, end)) {
    const key = /^(tags?)\s*:(.*)$/.exec(line);
    if (key) {
      inTags = true;
      tags.push(...splitTagList(key[2] ?? ''));
    } else if (inTags && /^\s+-\s/.test(line)) {
      tags.push(...splitTagList(line.replace(/^\s+-\s/, '')));
    } else if (!/^\s*$/.test(line)) {
      inTags = false;
    }
  }
  return { bodyStart: end + 1, tags };
}

// Obsidian accepts `tags: a, b`, `tags: [a, b]`, quoted names and names written with their `#`.
function splitTagList(value: string): string[] {
  return value
    .replace(/[[\]"']/g, ' ')
    .split(/[,\s]+/)
    .map((tag) => tag.replace(/^#/, ''))
    .filter((tag) => tag !== '');
}

// A tag starts after whitespace (or the line's start) and holds a character that is not a digit, as Obsidian's do.
const TAG = /(?<!\S)#([\p{L}\p{N}_/-]+)/gu;

/** Reads body lines: fences, inline code and HTML comments (which may span lines) masked; tags and SR comments found. */
export function readLines(lines: string[], bodyStart: number): ObsidianLine[] {
  const result: ObsidianLine[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (let index = bodyStart; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const opener = raw.includes('``') || raw.includes('~~') ? /^\s*(`{3,}|~{3,})/.exec(raw)?.[1] : undefined;
    if (fence !== undefined || (opener !== undefined && !inComment)) {
      if (fence === undefined) fence = opener;
      else if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      result.push({ index, raw, masked: '\0'.repeat(raw.length), code: true, tags: [] });
      continue;
    }
    const line = maskLine(raw, inComment);
    inComment = line.inComment;
    const tags = line.masked.includes('#') ? findTags(line.masked) : [];
    result.push({ index, raw, masked: line.masked, code: false, tags, ...(line.sr && { sr: line.sr }) });
  }
  return result;
}

function findTags(masked: string): ObsidianLine['tags'] {
  return [...masked.matchAll(TAG)]
    .map((m) => ({ name: (m[1] ?? '').replace(/\/+$/, ''), start: m.index, end: m.index + m[0].length }))
    .filter((tag) => /\D/.test(tag.name));
}

function maskLine(raw: string, startInComment: boolean): Pick<ObsidianLine, 'masked' | 'sr'> & { inComment: boolean } {
  // Most lines hold neither a comment nor code: nothing to mask.
  if (!startInComment && !raw.includes('<!--') && !raw.includes('`')) return { masked: raw, inComment: false };
  const out = raw.split('');
  let inComment = startInComment;
  let sr: ObsidianLine['sr'];
  let i = 0;
  while (i < raw.length) {
    const opens = !inComment && raw.startsWith('<!--', i);
    if (inComment || opens) {
      const close = raw.indexOf('-->', opens ? i + 4 : i);
      const stop = close < 0 ? raw.length : close + 3;
      if (opens && close >= 0 && !sr && raw.startsWith('<!--SR:', i))
        sr = { body: raw.slice(i + 7, close), start: i, end: stop };
      out.fill(' ', i, stop);
      inComment = close < 0;
      i = stop;
    } else if (raw[i] === '`') {
      // Inline code: a run of backticks up to the same run later on the line; an unmatched run is literal.
      const run = /^`+/.exec(raw.slice(i))?.[0] ?? '`';
      const close = raw.indexOf(run, i + run.length);
      const stop = close < 0 ? i + run.length : close + run.length;
      if (close >= 0) out.fill('\0', i, stop);
      i = stop;
    } else {
      i++;
    }
  }
  return { masked: out.join(''), inComment, ...(sr && { sr }) };
}

/** The line holds nothing but tags. */
export function isTagLine(line: ObsidianLine): boolean {
  return !line.code && line.tags.length > 0 && line.masked.replace(TAG, '').trim() === '';
}

/** The line holds nothing outside HTML comments (an SR comment, or a comment Obsidian hides). */
export function isCommentLine(line: ObsidianLine): boolean {
  return !line.code && line.raw.trim() !== '' && line.masked.trim() === '';
}
