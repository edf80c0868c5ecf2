import { CST, Parser } from 'yaml';

// The YAML composer and marked recurse once per level of nesting. A hostile card nesting thousands of levels
// overflows the stack (and Node can abort outright when that happens inside its regular expression compiler), and
// deep markdown lists take marked minutes and gigabytes. These limits are far beyond any real card and far below
// what overflows, and they are checked by linear scans before a recursive parser sees the text.

/** Deepest nesting of frontmatter collections and of markdown lists and quotes a card may use. */
export const MAX_NESTING = 100;
/** Most emphasis markers (`*`, `_`, `~`) that can open a span in one paragraph; each can add a level of nesting. */
export const MAX_EMPHASIS_OPENERS = 500;

/** Offset in `yaml` of the first collection nested deeper than MAX_NESTING, else null. */
export function findDeepYaml(yaml: string): number | null {
  // yaml's CST parser keeps its own stack instead of recursing, so it reads any depth safely.
  const pending: [CST.Token, number][] = [...new Parser().parse(yaml)].map((token) => [token, 0]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    const inner = CST.isCollection(token) ? depth + 1 : depth;
    if (inner > MAX_NESTING) return token.offset;
    for (const child of getChildTokens(token)) pending.push([child, inner]);
  }
  return null;
}

function getChildTokens(token: CST.Token): CST.Token[] {
  if (token.type === 'document') return token.value ? [token.value] : [];
  if (!CST.isCollection(token)) return [];
  return token.items.flatMap((item) => [item.key, item.value].filter((child): child is CST.Token => child != null));
}

// What can start a line inside lists and quotes: indentation, `>`, and list markers (`-`, `*`, `+`, `1.`, `1)`).
const CONTAINER_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;
const CONTAINER_MARKER = />|[-*+]|\d{1,9}[.)]/g;
// A run of emphasis markers that can open a span: not inside a word, followed by text. Backslashes are not
// excluded, so `\\*` (a literal backslash, then a real marker) still counts.
const EMPHASIS_OPENER = /(?<![\p{L}\p{N}*_~])[*_~]+(?=[^\s*_~])/gu;

/** The first line (1-based) of `markdown` that nests too deeply for the renderers, and what to do about it; else null. */
export function findDeepMarkdown(markdown: string): { line: number; message: string } | null {
  let openers = 0;
  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    // Emphasis never spans a blank line.
    if (line.trim() === '') {
      openers = 0;
      continue;
    }
    if (countContainerLevels(line) > MAX_NESTING) {
      return { line: index + 1, message: `markdown nested more than ${MAX_NESTING} levels deep (lists, quotes, indentation): flatten it` };
    }
    for (const match of line.matchAll(EMPHASIS_OPENER)) openers += match[0].length;
    if (openers > MAX_EMPHASIS_OPENERS) {
      return { line: index + 1, message: `more than ${MAX_EMPHASIS_OPENERS} emphasis markers (*, _, ~) in one paragraph: split it` };
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
