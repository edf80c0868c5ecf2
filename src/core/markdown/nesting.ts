// Checked by linear scans before marked sees the text: marked recurses once per level of nesting, and deep lists
// take it minutes and gigabytes (see nesting.ts for the YAML side).

/** Deepest nesting of frontmatter collections and of markdown lists and quotes a card may use. */
export const MAX_NESTING = 100;
/** Most emphasis markers (`*`, `_`, `~`) that can open a span in one paragraph; each can add a level of nesting. */
export const MAX_EMPHASIS_OPENERS = 500;
/** Most emphasis markers a whole card may use: marked's time grows with markers × markers per paragraph. */
export const MAX_EMPHASIS_PER_CARD = 5000;

// What can start a line inside lists and quotes: indentation, `>`, and list markers (`-`, `*`, `+`, `1.`, `1)`).
const CONTAINER_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;
// A run of emphasis markers that can open a span: not inside a word, followed by text. Backslashes are not
// excluded, so `\\*` (a literal backslash, then a real marker) still counts.
const EMPHASIS_OPENER = /(?<![\p{L}\p{N}*_~])[*_~]+(?=[^\s*_~])/gu;

/** The first line (1-based) of `markdown` that nests too deeply for the renderers, and what to do about it; else null. */
export function findDeepMarkdown(markdown: string): { line: number; message: string } | null {
  let openers = 0;
  let total = 0;
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    // Emphasis never spans a blank line.
    if (line.trim() === '') {
      openers = 0;
      continue;
    }
    if (countContainerLevels(line) > MAX_NESTING) {
      return {
        line: index + 1,
        message: `markdown nested more than ${MAX_NESTING} levels deep (lists, quotes, indentation): flatten it`,
      };
    }
    for (const match of line.matchAll(EMPHASIS_OPENER)) {
      openers += match[0].length;
      total += match[0].length;
    }
    if (total > MAX_EMPHASIS_PER_CARD) {
      return {
        line: index + 1,
        message: `more than ${MAX_EMPHASIS_PER_CARD} emphasis markers (*, _, ~) in one card: split it into several cards`,
      };
    }
    if (openers > MAX_EMPHASIS_OPENERS) {
      return {
        line: index + 1,
        message: `more than ${MAX_EMPHASIS_OPENERS} emphasis markers (*, _, ~) in one paragraph: split it`,
      };
    }
  }
  return null;
}

// Each level takes a marker or at least two columns of indentation, so this is at least the real depth.
function countContainerLevels(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
  let columns = 0;
  for (const char of prefix) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4;
  }
  return (prefix.match(CONTAINER_MARKER)?.length ?? 0) + Math.floor(columns / 2);
}
