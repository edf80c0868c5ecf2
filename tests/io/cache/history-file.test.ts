import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CardHistory } from '../../../src/core/log/card-history.js';
import { readHistoryFile, writeHistoryFile } from '../../../src/io/cache/history-file.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-histories-'));
  file = path.join(dir, 'histories.bin');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const STAMP = 'a'.repeat(40);
const histories: CardHistory[] = [
  {
    times: [1_767_000_000_000, 1_767_300_000_123],
    ratings: [4, 1],
    seconds: [3.5, 12],
    intervals: [3],
    stabilities: [3.173_561_234_567_89],
  },
  { times: [1_767_100_000_000], ratings: [5], seconds: [0], intervals: [], stabilities: [] },
];
const plain = (read: CardHistory[] | null) =>
  read?.map((history) =>
    Object.fromEntries(Object.entries(history).map(([name, list]) => [name, [...(list as Iterable<number>)]])),
  );

describe('the histories file', () => {
  it('gives back exactly the numbers written, for the same stamp and review counts', () => {
    expect(writeHistoryFile(file, STAMP, histories)).toBe(true);
    expect(plain(readHistoryFile(file, STAMP, [2, 1]))).toEqual(histories);
    expect(fs.statSync(file).size).toBe(40 + 8 * (8 + 3));
  });

  it('gives nothing for another stamp, other review counts, a missing file or a damaged one', () => {
    writeHistoryFile(file, STAMP, histories);
    expect(readHistoryFile(file, 'b'.repeat(40), [2, 1])).toBeNull();
    expect(readHistoryFile(file, STAMP, [1, 2])).toBeNull();
    expect(readHistoryFile(file, STAMP, [2, 1, 1])).toBeNull();
    expect(readHistoryFile(path.join(dir, 'missing.bin'), STAMP, [2, 1])).toBeNull();
    const bytes = fs.readFileSync(file);
    bytes.writeDoubleLE(Number.NaN, 40 + 8 * 4);
    fs.writeFileSync(file, bytes);
    expect(readHistoryFile(file, STAMP, [2, 1])).toBeNull();
  });

  it('reports a file it cannot write, leaving nothing behind', () => {
    expect(writeHistoryFile(path.join(dir, 'no-such-folder', 'histories.bin'), STAMP, histories)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
