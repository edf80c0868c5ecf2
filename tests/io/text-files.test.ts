import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlashError, UsageError } from '../../src/core/errors.js';
import { readTextInput, writeNewFile, writeOutput } from '../../src/io/text-files.js';
import { testdir } from '../e2e/helpers.js';

describe('readTextInput', () => {
  it('reads UTF-8 text, and refuses a missing file, a folder and other encodings as usage errors', () => {
    const dir = testdir({ 'ok.txt': 'héllo', 'latin1.txt': '' });
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x68, 0xe9, 0x0a]));
    expect(readTextInput(path.join(dir, 'ok.txt'))).toBe('héllo');
    expect(() => readTextInput(path.join(dir, 'missing.txt'))).toThrow(new UsageError(`cannot read ${path.join(dir, 'missing.txt')} (no such file): name a file to read.`));
    expect(() => readTextInput(dir)).toThrow(/it is a folder/);
    expect(() => readTextInput(path.join(dir, 'latin1.txt'))).toThrow(/is not UTF-8 text/);
  });
});

describe('writeNewFile', () => {
  it('creates folders, keeps an existing file unless forced', () => {
    const dir = testdir();
    const file = path.join(dir, 'a', 'b', 'card.md');
    expect(writeNewFile(file, 'one', false)).toBe(true);
    expect(writeNewFile(file, 'two', false)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('one');
    expect(writeNewFile(file, 'three', true)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('three');
  });

  it('reports a folder in the way as a one-line error', () => {
    const dir = testdir({ 'taken/x.md': 'x' });
    expect(() => writeNewFile(path.join(dir, 'taken'), 'text', true)).toThrow(FlashError);
  });

  it('reports a file standing where a folder should be, instead of taking it for an existing card', () => {
    const dir = testdir({ deck: 'a file, not a folder' });
    expect(() => writeNewFile(path.join(dir, 'deck', 'card.md'), 'text', false)).toThrow(/a file is in the way of a folder/);
  });
});

describe('writeOutput', () => {
  it('refuses to replace a file without force', () => {
    const dir = testdir({ 'out.csv': 'old' });
    const file = path.join(dir, 'out.csv');
    expect(() => writeOutput(file, 'new', false)).toThrow(`${file} already exists: pass --force to replace it, or choose another --out.`);
    writeOutput(file, 'new', true);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });
});
