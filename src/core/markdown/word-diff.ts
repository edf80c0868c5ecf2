/** One run of a word diff: words both have, words only typed, or words of the answer that were not typed. */
export interface WordDiffPart {
  kind: 'same' | 'typed only' | 'missing';
  text: string;
}

/** Beyond this many word pairs the table would be large: such answers are compared as wholes. */
const MAX_PAIRS = 250_000;

/**
 * Compares a typed answer with the real one word by word (longest common subsequence), ignoring case and the
 * punctuation around words; accents count, as they do in the languages learners type. Null when either is empty or
 * both are too long to compare.
 */
export function diffWords(typed: string, expected: string): WordDiffPart[] | null {
  const a = splitWords(typed);
  const b = splitWords(expected);
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_PAIRS) return null;
  const keyA = a.map(comparable);
  const keyB = b.map(comparable);
  // common[i][j]: the longest common run of a[i…] and b[j…], filled from the end.
  const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] =
        keyA[i] === keyB[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const parts: WordDiffPart[] = [];
  const push = (kind: WordDiffPart['kind'], word: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && keyA[i] === keyB[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // What was typed wrongly comes before what it should have been, as in git's word diff.
      push('typed only', a[i++]!);
    } else {
      push('missing', b[j++]!);
    }
  }
  return parts;
}

function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function comparable(word: string): string {
  return word.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
}
