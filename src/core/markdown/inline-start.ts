// How far an inline extension looks for where it may start. marked asks again at every piece of text, with the rest
// of the paragraph: a search to its end each time makes a long paragraph quadratic. Past the window, the answer is
// "maybe here", which only cuts the text into pieces that marked joins again.
const START_WINDOW = 256;

/** Where an inline extension may start in `source`: the first `pattern` in the window, else the window's end. */
export function findInlineStart(source: string, pattern: RegExp | string): number | undefined {
  const window = source.slice(0, START_WINDOW);
  const index = typeof pattern === 'string' ? window.indexOf(pattern) : window.search(pattern);
  if (index !== -1) return index;
  // A little before the end, so a marker cut by the window's edge is found whole next time.
  return source.length > START_WINDOW ? START_WINDOW - 8 : undefined;
}
