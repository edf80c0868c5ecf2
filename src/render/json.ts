// C1 controls, bidi overrides and isolates, and line/paragraph separators are valid in JSON strings but act on a
// terminal; escaping them keeps the data intact and the screen safe.
const UNSAFE_IN_TERMINAL = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON whose text never carries a raw terminal control character. */
export function formatJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  // Each of them is outside ASCII: text as long as its UTF-8 (ASCII alone, most lists) needs no search.
  if (Buffer.byteLength(json) === json.length) return json;
  return json.replace(UNSAFE_IN_TERMINAL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The text of `formatJson(items.map(toValue))` in pieces of whole lines (without the final newline), `perPiece`
 * items at a time, so printing a long list never holds all of it as one string, nor all the values: each piece's are
 * made as it prints, and die young (at 100,000 cards, making them all first kept 40 MB more alive through the run).
 * Pieces of tens of kilobytes print fastest: larger ones cost fresh memory for each copy on the way out (half as fast
 * again at 500 items a piece). One JSON.stringify per piece beats writing the lines by hand, twice over.
 */
export function* formatJsonArrayPieces<T>(
  items: readonly T[],
  perPiece = 100,
  toValue: (item: T) => unknown = (item) => item,
): Generator<string> {
  if (items.length === 0) {
    yield formatJson([]);
    return;
  }
  yield '[';
  for (let start = 0; start < items.length; start += perPiece) {
    // A slice prints as `[\n  item,\n  item\n]`: its inner lines are exactly the lines of the whole array.
    const lines = formatJson(items.slice(start, start + perPiece).map(toValue)).slice(2, -2);
    yield `${lines}${start + perPiece < items.length ? ',' : ''}`;
  }
  yield ']';
}
