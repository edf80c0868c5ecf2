// C1 controls, bidi overrides and isolates, and line/paragraph separators are valid in JSON strings but act on a
// terminal; escaping them keeps the data intact and the screen safe.
const UNSAFE_IN_TERMINAL = /[\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON whose text never carries a raw terminal control character. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_TERMINAL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The text of `formatJson(items)` in pieces of whole lines (without the final newline), `perPiece` items at a time,
 * so printing a long list never holds all of it as one string. Pieces of tens of kilobytes print fastest: larger
 * ones cost fresh memory for each copy on the way out (half as fast again at 500 cards a piece).
 */
export function* formatJsonArrayPieces(items: readonly unknown[], perPiece = 100): Generator<string> {
  if (items.length === 0) {
    yield formatJson(items);
    return;
  }
  yield '[';
  for (let start = 0; start < items.length; start += perPiece) {
    // A slice prints as `[\n  item,\n  item\n]`: its inner lines are exactly the lines of the whole array.
    const lines = formatJson(items.slice(start, start + perPiece)).slice(2, -2);
    yield `${lines}${start + perPiece < items.length ? ',' : ''}`;
  }
  yield ']';
}
