import { describe, expect, it } from 'vitest';
import { decodeCards, encodeCards, type CachedResult, type CardEntry } from '../../../src/io/cache/card-codec.js';

const baseCard = (path: string, deck: string) => {
  const id = path.replace(/\.md$/, '');
  return {
    id,
    note: id,
    kind: 'basic' as const,
    line: 1,
    deck,
    path,
    difficulty: null,
    tags: [],
    questionText: 'Q',
    identityText: '',
  };
};

const card = (
  path: string,
  fields: Partial<{
    id: string;
    note: string;
    difficulty: 'easy' | 'medium' | 'hard' | null;
    tags: string[];
    questionText: string;
  }>,
  idLine = 1,
): CachedResult => {
  const deck = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  return {
    cards: [{ ...baseCard(path, deck), ...fields }],
    idLine,
  };
};

const RESULTS: CachedResult[] = [
  card('a.md', { difficulty: 'easy', tags: ['x', 'with space', 'nul\u0000inside'] }, 3),
  card(
    'deck/b.md',
    { id: 'beta-id', note: 'beta-id', difficulty: 'medium', questionText: 'Multi\nline **markdown** ⭐' },
    2,
  ),
  card('deck/sub/c.md', { difficulty: 'hard', tags: [] }),
  { problem: { path: 'deck/z.md', line: 3, message: 'unknown difficulty "purple"' } },
  card('e.md', { tags: ['solo'], questionText: '日本語 \u2028 "quotes" \\ back' }),
  { problem: { path: 'f.md', line: 1, message: '' } },
  card('g.md', { id: '', note: '', questionText: '' }),
  {
    cards: ['#c1', '#c2', '#c10'].map((suffix) => ({
      ...baseCard('h.md', '.'),
      id: `h${suffix}`,
      kind: 'cloze' as const,
      line: 4,
      tags: ['cloze'],
      questionText: `The ${suffix} hidden: \uE000…\uE001`,
      identityText: `hidden ${suffix}`,
    })),
    idLine: 2,
  },
  {
    cards: [
      { ...baseCard('i.md', '.'), difficulty: 'hard' as const, questionText: 'Front' },
      {
        ...baseCard('i.md', '.'),
        id: 'i#reverse',
        kind: 'reversed' as const,
        difficulty: 'hard' as const,
        questionText: 'Back',
      },
    ],
    idLine: 1,
  },
  // A file of another tool's format: several notes, each with its own line, deck, difficulty and tags.
  {
    cards: [
      {
        ...baseCard('vault/j.md', 'vault'),
        id: 'vault/j#what-is-x',
        note: 'vault/j#what-is-x',
        line: 3,
        deck: 'math/sets',
        tags: ['a'],
      },
      {
        ...baseCard('vault/j.md', 'vault'),
        id: 'vault/j#what-is-x#reverse',
        note: 'vault/j#what-is-x',
        kind: 'reversed' as const,
        line: 3,
        deck: 'math/sets',
        tags: ['a'],
      },
      {
        ...baseCard('vault/j.md', 'vault'),
        id: 'vault/j#y',
        note: 'vault/j#y',
        line: 9,
        difficulty: 'easy' as const,
        tags: [],
        identityText: 'y?',
      },
    ],
    idLine: 1,
  },
];

/** Entries as the cache keeps them: each with a file key of five distinct numbers. */
function entriesOf(results: readonly CachedResult[]): CardEntry[] {
  return results.map((result, index) => ({
    path: 'problem' in result ? result.problem.path : (result.cards[0]?.path as string),
    result,
    keys: [index, 1e12 + index + 0.25, 1.5e12 + index + 0.75, 2 ** 40 + index, 64769],
    keyAt: 0,
  }));
}

/** Encoded and written as the cache file is, then read back and decoded. */
function roundTrip(entries: readonly CardEntry[]) {
  const decoded = decodeCards(JSON.parse(JSON.stringify(encodeCards(entries))));
  if (!decoded) throw new Error('the codec refused its own columns');
  return decoded;
}

describe('the parse cache codec', () => {
  it('decodes what it encodes: decode(encode(cards)) == cards, keys included', () => {
    const entries = entriesOf(RESULTS);
    const decoded = roundTrip(entries);
    expect(decoded.paths).toEqual(entries.map((entry) => entry.path));
    expect(RESULTS.map((_, index) => decoded.entry(index))).toEqual(RESULTS);
    entries.forEach((entry, index) => {
      const at = decoded.keyAt(index);
      expect([...decoded.numbers.subarray(at, at + 5)]).toEqual(entry.keys);
    });
  });

  it('reads a key from anywhere in a list of numbers', () => {
    const [result] = RESULTS as [CachedResult];
    const decoded = roundTrip([{ path: 'a.md', result, keys: [9, 9, 1, 2, 3, 4, 5], keyAt: 2 }]);
    expect([...decoded.numbers.subarray(0, 5)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('encodes nothing into empty columns', () => {
    const decoded = roundTrip([]);
    expect(decoded.paths).toEqual([]);
  });

  it('refuses columns that do not fit together', () => {
    const good = encodeCards(entriesOf(RESULTS));
    const damages = [
      { paths: good.paths.slice(1) },
      { kinds: `${good.kinds}+` },
      { kinds: good.kinds.replace('+', 'q') },
      { texts: [...good.texts.slice(1), 7] },
      { tags: good.tags.slice(1) },
      { questions: null },
      { ids: good.ids.slice(1) },
      { cardKinds: good.cardKinds.replace('b', 'z') },
      { difficulties: good.difficulties.slice(1) },
      { numbers: good.numbers.slice(0, 40) },
      { numbers: 'not base64 at all' },
      { cardNumbers: good.cardNumbers.slice(0, 40) },
    ];
    for (const damage of damages) {
      expect(decodeCards({ ...good, ...damage } as never), JSON.stringify(damage)).toBeNull();
    }
  });
});
