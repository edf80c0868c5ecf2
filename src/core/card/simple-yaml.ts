// Most frontmatter is a few lines of `key: word` and `key: [a, b]`. Those read here, in microseconds, exactly as
// the YAML 1.2 core schema reads them; anything else (quotes, numbers, nesting, comments…) goes to the real parser.

// The value's trailing spaces are cut without a regular expression: `(\S.*?) *$` backtracks quadratically over a long
// run of spaces inside the value (minutes for a hostile card).
const FIELD = /^([A-Za-z][\w-]*): +(\S.*)$/;
// A plain scalar that starts with a letter or a symbol (emoji), with single spaces between its words and no
// character YAML gives a meaning to (`:` `#`), no control, format, unassigned or exotic space character.
const PLAIN = /^[\p{L}\p{So}][^\s:#\p{Cc}\p{Cf}\p{Cn}]*(?: [^\s:#\p{Cc}\p{Cf}\p{Cn}]+)*$/u;
// The same inside `[…]`, where `,[]{}` are syntax too.
const FLOW_ITEM = /^[\p{L}\p{So}][^\s:#,[\]{}\p{Cc}\p{Cf}\p{Cn}]*(?: [^\s:#,[\]{}\p{Cc}\p{Cf}\p{Cn}]+)*$/u;
// Words the core schema reads as null or a boolean (it is case-sensitive; refusing more is safe).
const KEYWORD = /^(?:null|true|false)$/i;

/** The fields of a frontmatter made only of `key: plain words` and `key: [plain, words]` lines; null for anything else. */
export function parseSimpleYaml(source: string): Record<string, unknown> | null {
  const fields: Record<string, unknown> = {};
  for (const line of source.split('\n')) {
    if (line === '') continue;
    const match = FIELD.exec(line);
    const key = match?.[1];
    const value = match?.[2] === undefined ? undefined : trimSpacesEnd(match[2]);
    if (key === undefined || value === undefined || KEYWORD.test(key) || Object.hasOwn(fields, key)) return null;
    const parsed = value.startsWith('[') ? readFlowList(value) : readPlain(value, PLAIN);
    if (parsed === null) return null;
    fields[key] = parsed;
  }
  return fields;
}

function readPlain(value: string, pattern: RegExp): string | null {
  return pattern.test(value) && !KEYWORD.test(value) ? value : null;
}

function readFlowList(value: string): string[] | null {
  if (!value.endsWith(']')) return null;
  const inner = value.slice(1, -1);
  if (/^ *$/.test(inner)) return [];
  const items: string[] = [];
  for (const item of inner.split(',')) {
    const word = readPlain(item.replace(/^ +| +$/g, ''), FLOW_ITEM);
    if (word === null) return null;
    items.push(word);
  }
  return items;
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x20) end -= 1;
  return text.slice(0, end);
}
