/**
 * The candidate closest to `word` by edit distance (letter case ignored), when it is near enough to be a slip of
 * the keys: at most one edit in three letters, and at least one. Undefined when none is.
 */
export function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = getEditDistance(typed, candidate.toLowerCase(), allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/**
 * Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, as in commander's suggestions for options;
 * anything over `limit` is reported as `limit + 1` without being worked out, so a long word costs little.
 */
export function getEditDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // rows[i][j]: edits from the first i characters of a to the first j of b.
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, (rows[i - 2]?.[j - 2] as number) + 1);
    }
  }
  return rows[a.length]?.[b.length] as number;
}

/**
 * Up to `count` candidates closest to `word`, closest first: those holding it (or held by it) before the others, then
 * by edit distance (letter case ignored). For an unknown id, where the learner wants the nearest few to pick from.
 */
export function listClosest(word: string, candidates: readonly string[], count = 3): string[] {
  const typed = word.toLowerCase();
  const limit = Math.max(2, Math.floor(typed.length / 2));
  const ranked = candidates.map((candidate) => {
    const lower = candidate.toLowerCase();
    const contains = lower.includes(typed) || (lower.length > 0 && typed.includes(lower));
    return {
      candidate,
      rank: contains ? Math.abs(lower.length - typed.length) / 1000 : 1 + getEditDistance(typed, lower, limit),
    };
  });
  return ranked
    .filter((entry) => entry.rank <= limit)
    .sort((a, b) => a.rank - b.rank || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}
