import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlashError, UsageError } from '../../../src/core/errors.js';
import { inspectTarget, readTextInput, writeFileUnder, writeOutput } from '../../../src/io/cards/text-files.js';
import { testdir } from '../../e2e/helpers.js';

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

describe('writeFileUnder', () => {
  it('creates folders, keeps an existing file unless forced', () => {
    const dir = testdir();
    const file = path.join(dir, 'a', 'b', 'card.md');
    expect(writeFileUnder(dir, 'a/b/card.md', 'one', false)).toBe(true);
    expect(writeFileUnder(dir, 'a/b/card.md', 'two', false)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('one');
    expect(writeFileUnder(dir, 'a/b/card.md', 'three', true)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('three');
    expect(fs.readdirSync(path.join(dir, 'a', 'b'))).toEqual(['card.md']);
  });

  it('refuses a link among the folders, and writes nothing where it points', () => {
    const [dir, outside] = [testdir(), testdir()];
    fs.symlinkSync(outside, path.join(dir, 'deck'));
    const refused = `${path.join(dir, 'deck')} is a symbolic link: flashdeck writes nothing through links; remove it or write to another folder.`;
    expect(() => writeFileUnder(dir, 'deck/card.md', 'text', false)).toThrow(new FlashError(refused));
    expect(() => writeFileUnder(dir, 'deck/card.md', 'text', true)).toThrow(new FlashError(refused));
    expect(() => inspectTarget(dir, 'deck/card.md')).toThrow(new FlashError(refused));
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it('with force replaces a link at the name itself, never what it points to; without force keeps it', () => {
    const [dir, outside] = [testdir(), testdir({ 'target.md': 'theirs' })];
    const link = path.join(dir, 'card.md');
    fs.symlinkSync(path.join(outside, 'target.md'), link);
    expect(inspectTarget(dir, 'card.md')).toBe('link');
    expect(writeFileUnder(dir, 'card.md', 'mine', false)).toBe(false);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(writeFileUnder(dir, 'card.md', 'mine', true)).toBe(true);
    expect(fs.lstatSync(link).isFile()).toBe(true);
    expect(fs.readFileSync(link, 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(outside, 'target.md'), 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['card.md']);
  });

  it('may write through a link that is the root itself: the user chose it', () => {
    const [dir, real] = [testdir(), testdir()];
    fs.symlinkSync(real, path.join(dir, 'root'));
    expect(writeFileUnder(path.join(dir, 'root'), 'deck/card.md', 'text', false)).toBe(true);
    expect(fs.readFileSync(path.join(real, 'deck', 'card.md'), 'utf8')).toBe('text');
  });

  it('reports a folder at the name as a one-line error, and leaves no temporary file behind', () => {
    const dir = testdir({ 'taken/x.md': 'x' });
    const message = `cannot write ${path.join(dir, 'taken')} (a folder is in the way): move it away or write to another folder.`;
    expect(() => writeFileUnder(dir, 'taken', 'text', true)).toThrow(new FlashError(message));
    expect(() => writeFileUnder(dir, 'taken', 'text', false)).toThrow(new FlashError(message));
    expect(() => inspectTarget(dir, 'taken')).toThrow(new FlashError(message));
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });

  it('reports a name too long without blaming permissions, and leaves no temporary file behind', () => {
    const dir = testdir();
    const name = `${'x'.repeat(300)}.md`;
    const message = `cannot write ${path.join(dir, name)} (the name or path is too long for the file system): use a shorter name or folder.`;
    expect(() => writeFileUnder(dir, name, 'text', true)).toThrow(new FlashError(message));
    expect(() => writeFileUnder(dir, name, 'text', false)).toThrow(new FlashError(message));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('reports a file standing where a folder should be, instead of taking it for an existing card', () => {
    const dir = testdir({ deck: 'a file, not a folder' });
    const message = `${path.join(dir, 'deck')} is not a folder: move it away or write to another folder.`;
    expect(() => writeFileUnder(dir, 'deck/card.md', 'text', false)).toThrow(new FlashError(message));
    expect(() => inspectTarget(dir, 'deck/card.md')).toThrow(new FlashError(message));
  });

  it('inspectTarget tells what a write would find, and makes nothing', () => {
    const dir = testdir({ 'deck/old.md': 'old' });
    expect(inspectTarget(dir, 'deck/old.md')).toBe('file');
    expect(inspectTarget(dir, 'deck/new.md')).toBe('nothing');
    expect(inspectTarget(dir, 'missing/deeper/new.md')).toBe('nothing');
    expect(fs.readdirSync(dir)).toEqual(['deck']);
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
