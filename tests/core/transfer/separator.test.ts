import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeReading,
  guessSeparator,
  readSeparator,
  suggestSeparator,
} from '../../../src/core/transfer/separator.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('guessSeparator', () => {
  it('finds the separator that splits the rows evenly, quoted commas and all', () => {
    expect(guessSeparator(fixture('semicolon-vocabulary.txt'))).toBe(';');
    expect(guessSeparator(fixture('chinese-slang.tsv'))).toBe('\t');
    expect(guessSeparator(fixture('cards.csv'))).toBe(',');
    expect(guessSeparator('perro | dog\ngato | cat, kitten\ncasa | house\n')).toBe('|');
  });

  it("breaks ties in Anki's order (tab, pipe, semicolon, comma) and gives up on prose", () => {
    expect(guessSeparator('a;b,c\nd;e,f\n')).toBe(';');
    expect(guessSeparator('Just prose.\nMore prose.\n')).toBeNull();
  });
});

describe('suggestSeparator', () => {
  it('names the separator that splits most rows of a file too uneven to guess', () => {
    expect(suggestSeparator('a;b\nprose\nmore prose\nstill prose\n')).toBe(';');
    expect(suggestSeparator('prose\n')).toBeNull();
  });
});

describe('readSeparator', () => {
  it("reads Anki's names, any case, and one character", () => {
    expect(readSeparator('Semicolon')).toBe(';');
    expect(readSeparator('tab')).toBe('\t');
    expect(readSeparator('\\t')).toBe('\t');
    expect(readSeparator('|')).toBe('|');
    expect(readSeparator('dash')).toBeNull();
  });
});

describe('describeReading', () => {
  it("names the separator only when it is not the format's own", () => {
    expect(describeReading('csv', ',')).toBe('csv');
    expect(describeReading('tsv', '\t')).toBe('tsv');
    expect(describeReading('csv', ';')).toBe('csv, semicolon-separated');
    expect(describeReading('csv', '#')).toBe("csv, '#'-separated");
    expect(describeReading('anki', undefined)).toBe('anki');
  });
});
