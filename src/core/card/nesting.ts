import { CST, Parser } from 'yaml';
import { MAX_NESTING } from '../markdown/nesting.js';

// The YAML composer and marked recurse once per level of nesting. A hostile card nesting thousands of levels
// overflows the stack (and Node can abort outright when that happens inside its regular expression compiler), and
// deep markdown lists take marked minutes and gigabytes. These limits are far beyond any real card and far below
// what overflows, and they are checked by linear scans before a recursive parser sees the text.

// The markdown checks live apart from yaml, so cards that need no YAML parser never load it.
export { findDeepMarkdown, MAX_EMPHASIS_OPENERS, MAX_EMPHASIS_PER_CARD, MAX_NESTING } from '../markdown/nesting.js';

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
