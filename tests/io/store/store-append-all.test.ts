import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/core/log/review-log.js';
import { openStore } from '../../../src/io/store/store.js';
import { testdir } from '../../e2e/helpers.js';

const entries: LogEntry[] = [
  { card: 'a', rating: 4, at: '2026-01-02T10:00:00.000Z', seconds: 2 },
  { card: 'a', undo: '2026-01-02T10:00:00.000Z', at: '2026-01-02T10:00:03.000Z' },
  { card: 'b', rating: 1, at: '2026-01-02T11:00:00.000Z', seconds: 7.5 },
];

describe('Store.appendAll', () => {
  it('appends every entry after the existing lines, and they read back in order', () => {
    const dir = testdir();
    const store = openStore(dir);
    store.append({ card: 'z', rating: 5, at: '2026-01-01T00:00:00.000Z', seconds: 1 });
    store.appendAll(entries);
    expect(openStore(dir).readLog()).toEqual([
      { card: 'z', rating: 5, at: '2026-01-01T00:00:00.000Z', seconds: 1 },
      ...entries,
    ]);
  });

  it('ends a hand-edited log that lacks its final newline before appending, and writes nothing for no entries', () => {
    const dir = testdir({ 'reviews.jsonl': '{"card":"z","rating":3,"at":"2026-01-01T00:00:00.000Z","seconds":1}' });
    const store = openStore(dir);
    store.appendAll([]);
    const log = path.join(dir, 'reviews.jsonl');
    expect(fs.readFileSync(log, 'utf8').endsWith('}')).toBe(true);
    store.appendAll(entries);
    expect(fs.readFileSync(log, 'utf8').split('\n')).toHaveLength(5);
    expect(store.readLog()).toHaveLength(4);
  });

  it('refuses the whole batch if one entry would not read back', () => {
    const dir = testdir();
    const store = openStore(dir);
    const bad = { card: '', rating: 4, at: 'yesterday', seconds: 1 } as LogEntry;
    expect(() => store.appendAll([...entries, bad])).toThrow(TypeError);
    expect(store.readLog()).toEqual([]);
  });
});
