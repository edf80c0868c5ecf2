import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeaderRow, layoutColumns } from '../../../src/core/transfer/column-layout.js';
import { readRows } from '../../../src/core/transfer/csv-rows.js';

const rowsOf = (name: string, separator: string) =>
  readRows(readFileSync(`tests/fixtures/import/${name}`, 'utf8'), separator).rows.map((row) => row.cells);

describe('isHeaderRow', () => {
  it('takes known names and their synonyms for a header', () => {
    expect(isHeaderRow(['Term', 'Definition'], [['a', 'b']])).toBe(true);
    expect(isHeaderRow(['word', 'meaning', 'example'], [['a', 'b', 'c']])).toBe(true);
    expect(isHeaderRow(['German', 'English'], [['Hund', 'dog']])).toBe(true);
  });

  it('takes unknown names for a header when they look unlike the rows below them', () => {
    const [header = [], ...rows] = rowsOf('chinese-slang.tsv', '\t');
    expect(isHeaderRow(header, rows)).toBe(true);
    const unknown = [
      ['Kanji', 'Onyomi', 'Gloss'],
      ['日', 'にち', 'day, sun, Japan'],
      ['月', 'げつ', 'moon, month'],
    ];
    expect(isHeaderRow(unknown[0] ?? [], unknown.slice(1))).toBe(true);
  });

  it('keeps a first row of words like the others as a card', () => {
    const [first = [], ...rows] = rowsOf('semicolon-vocabulary.txt', ';');
    expect(isHeaderRow(first, rows)).toBe(false);
    expect(
      isHeaderRow(
        ['Hund', 'dog'],
        [
          ['Katze', 'cat'],
          ['der Unfall', 'the accident'],
        ],
      ),
    ).toBe(false);
    expect(isHeaderRow(['Capital of France?', 'Paris'], [['Capital of Peru?', 'Lima']])).toBe(false);
  });
});

describe('layoutColumns', () => {
  it('finds the question and answer by name anywhere, and keeps every other column as a labelled extra', () => {
    expect(layoutColumns(['Example', 'Meaning', 'Word', 'Tags', 'Notes'], 5)).toEqual({
      question: 2,
      answer: 1,
      meta: { tags: 3 },
      extras: [
        { index: 0, label: 'Example' },
        { index: 4, label: 'Notes' },
      ],
    });
  });

  it('takes the first two free columns without names, and never a fixed column', () => {
    expect(layoutColumns([], 4, { id: 0, tags: 3 })).toEqual({
      question: 1,
      answer: 2,
      meta: { id: 0, tags: 3 },
      extras: [],
    });
    expect(layoutColumns(['Hanzi', 'Pinyin', 'English', '-'], 5).extras).toEqual([
      { index: 2, label: 'English' },
      { index: 4, label: null },
    ]);
  });
});
