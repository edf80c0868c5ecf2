import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCardInfos, loadFullCards } from '../../../src/io/cards/card-index.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function makeFolder(files: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-index-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) write(root, name, content);
  return root;
}

function write(root: string, name: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), content);
}

const card = (question: string, front = '') => `${front ? `---\n${front}\n---\n` : ''}# ${question}\n\nThe answer.\n`;

/** A clock a minute ahead: files written by the test are old enough to be cached. */
const later = () => Date.now() + 60_000;

/** Rewrites every occurrence of `from` in the cache files, to tell a result served from the cache from a fresh one. */
function tamperWithCache(cacheDir: string, from: string, to: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(from, to));
  }
}

/** Waits until the file system's clock has moved past `file`'s change time, so a new write gets another one. */
function waitForNextChangeTime(file: string): void {
  const before = fs.statSync(file, { bigint: true }).ctimeNs;
  const probe = path.join(path.dirname(file), '.probe');
  do fs.writeFileSync(probe, 'x');
  while (fs.statSync(probe, { bigint: true }).ctimeNs <= before);
  fs.rmSync(probe);
}

async function questions(root: string, cacheDir: string, now = later()): Promise<Record<string, string>> {
  const { cards } = await loadCardInfos(root, cacheDir, { now: now });
  return Object.fromEntries(cards.map((c) => [c.path, c.questionText]));
}

describe('loadCardInfos and its parse cache', () => {
  it('serves unchanged files from the cache and parses the changed ones', async () => {
    const root = makeFolder({ 'a.md': card('Alpha'), 'b.md': card('Beta') });
    const cacheDir = makeFolder();
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Alpha', 'b.md': 'Beta' });
    tamperWithCache(cacheDir, 'Alpha', 'Cached');
    write(root, 'b.md', card('Beta, longer now'));
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Cached', 'b.md': 'Beta, longer now' });
  });

  it('sees an edit of the same size whose modification time is set back', async () => {
    const root = makeFolder({ 'a.md': card('Question one') });
    const cacheDir = makeFolder();
    const file = path.join(root, 'a.md');
    const { atime, mtime } = fs.statSync(file);
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Question one' });
    waitForNextChangeTime(file);
    fs.writeFileSync(file, card('Question two'));
    fs.utimesSync(file, atime, mtime);
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Question two' });
  });

  it('sees a file replaced by a rename, with the same size and times', async () => {
    const root = makeFolder({ 'a.md': card('Question one') });
    const cacheDir = makeFolder();
    const file = path.join(root, 'a.md');
    const { atime, mtime } = fs.statSync(file);
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Question one' });
    const replacement = path.join(root, '.a.md.new');
    fs.writeFileSync(replacement, card('Question two'));
    fs.utimesSync(replacement, atime, mtime);
    fs.renameSync(replacement, file);
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Question two' });
  });

  it('reads a touched file again and gives the same card', async () => {
    const root = makeFolder({ 'a.md': card('Alpha', 'id: alpha\ntags: [x, y]') });
    const cacheDir = makeFolder();
    const first = await loadCardInfos(root, cacheDir, { now: later() });
    tamperWithCache(cacheDir, 'Alpha', 'Cached');
    const file = path.join(root, 'a.md');
    fs.utimesSync(file, new Date(), new Date(Date.now() - 3_600_000));
    expect(await loadCardInfos(root, cacheDir, { now: later() })).toEqual(first);
  });

  it('forgets deleted files and finds moved ones under their new path', async () => {
    const root = makeFolder({ 'a.md': card('Alpha'), 'b.md': card('Beta', 'id: beta') });
    const cacheDir = makeFolder();
    await loadCardInfos(root, cacheDir, { now: later() });
    fs.rmSync(path.join(root, 'a.md'));
    fs.mkdirSync(path.join(root, 'deck'));
    fs.renameSync(path.join(root, 'b.md'), path.join(root, 'deck', 'b.md'));
    const { cards, problems } = await loadCardInfos(root, cacheDir, { now: later() });
    expect(problems).toEqual([]);
    expect(cards).toEqual([
      { id: 'beta', note: 'beta', kind: 'basic', line: 4, deck: 'deck', path: 'deck/b.md', difficulty: null, tags: [], questionText: 'Beta', identityText: '' },
    ]);
  });

  it('reports invalid cards and duplicate ids on every run, cached or not', async () => {
    const root = makeFolder({ 'bad.md': '---\nid: x\ndifficulty: purple\n---\n# Q\nA', 'one.md': card('One', 'id: same'), 'two.md': card('Two', 'id: same') });
    const cacheDir = makeFolder();
    const first = await loadCardInfos(root, cacheDir, { now: later() });
    expect(first.problems.map((p) => [p.path, p.line])).toEqual([['bad.md', 3], ['two.md', 2]]);
    expect(await loadCardInfos(root, cacheDir, { now: later() })).toEqual(first);
  });

  it('keeps no result for a file changed in the last seconds, so it is parsed again next time', async () => {
    const root = makeFolder({ 'a.md': card('Alpha') });
    const cacheDir = makeFolder();
    const cached = () => fs.readdirSync(cacheDir).map((name) => fs.readFileSync(path.join(cacheDir, name), 'utf8')).join('');
    // Just written: its timestamps cannot yet tell a later write in the same tick apart.
    expect(await questions(root, cacheDir, Date.now())).toEqual({ 'a.md': 'Alpha' });
    expect(cached()).not.toContain('Alpha');
    expect(await questions(root, cacheDir, later())).toEqual({ 'a.md': 'Alpha' });
    expect(cached()).toContain('Alpha');
  });

  it('ignores a damaged cache', async () => {
    const root = makeFolder({ 'a.md': card('Alpha') });
    const cacheDir = makeFolder();
    await loadCardInfos(root, cacheDir, { now: later() });
    for (const name of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, name), '{"format":1,"files":[[1,2,3]]');
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Alpha' });
    for (const name of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, name), '{"format":1,"files":[[1,2,3]]}');
    expect(await questions(root, cacheDir)).toEqual({ 'a.md': 'Alpha' });
  });

  it('ignores a cache of this format whose columns do not fit together', async () => {
    const root = makeFolder({ 'a.md': card('Alpha', 'tags: [x, y]'), 'b.md': card('Beta', 'difficulty: hard') });
    const cacheDir = makeFolder();
    const fresh = await loadCardInfos(root, cacheDir, { now: later() });
    const [name] = fs.readdirSync(cacheDir);
    const file = path.join(cacheDir, name as string);
    const good = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const damages: Record<string, unknown>[] = [
      { paths: ['a.md'] },
      { kinds: 'eq' },
      { tags: ['x'] },
      { questions: ['Cached', 7] },
      { numbers: (good.numbers as string).slice(0, 40) },
      { numbers: 'not base64 at all' },
    ];
    for (const damage of damages) {
      fs.writeFileSync(file, JSON.stringify({ ...good, ...damage }));
      expect(await loadCardInfos(root, cacheDir, { now: later() }), JSON.stringify(damage)).toEqual(fresh);
    }
  });

  it('gives the same cards and problems from the cache as from the files', async () => {
    const root = makeFolder({
      'a.md': card('Alpha', 'tags: [x, "with space", "nul\\0inside", ""]\ndifficulty: easy'),
      'deck/b.md': card('Beta ⭐️', 'id: beta-id'),
      'deck/sub/c.md': card('Gamma', 'tags: []\ndifficulty: hard'),
      'deck/z.md': '---\ndifficulty: purple\n---\n# Q\nA',
      'e.md': card('Eta', 'tags: [solo]'),
    });
    const cacheDir = makeFolder();
    const fresh = await loadCardInfos(root, cacheDir, { now: later() });
    expect(fresh.cards.map((c) => c.tags.length)).toEqual([3, 0, 0, 1]);
    expect(fresh.problems).toHaveLength(1);
    tamperWithCache(cacheDir, 'Gamma', 'Cached');
    const cached = await loadCardInfos(root, cacheDir, { now: later() });
    expect(cached.cards.find((c) => c.path === 'deck/sub/c.md')?.questionText).toBe('Cached');
    expect({ ...cached, cards: cached.cards.map((c) => ({ ...c, questionText: c.questionText.replace('Cached', 'Gamma') })) }).toEqual(fresh);
  });

  it('keeps one cache per cards folder', async () => {
    const first = makeFolder({ 'a.md': card('First') });
    const second = makeFolder({ 'a.md': card('Second') });
    const cacheDir = makeFolder();
    expect(await questions(first, cacheDir)).toEqual({ 'a.md': 'First' });
    expect(await questions(second, cacheDir)).toEqual({ 'a.md': 'Second' });
    expect(await questions(first, cacheDir)).toEqual({ 'a.md': 'First' });
  });
});

describe('progress of a long first read', () => {
  const files = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`c${index}.md`, card(`Q${index}`)]));

  it('shows how far it got once parsing takes over a second, at most ten times a second, then clears the line', async () => {
    const root = makeFolder(files);
    const shown: string[] = [];
    // Each read of the clock is 80 ms later: the read passes a second at its 13th file.
    let time = 0;
    const clock = () => (time += 80);
    await loadCardInfos(root, makeFolder(), { now: later(), progress: (text) => shown.push(text), clock });
    expect(shown.at(-1)).toBe('');
    const counts = shown.slice(0, -1);
    expect(counts[0]).toBe('Reading cards… 13 of 30 files');
    expect(counts.at(-1)).toBe('Reading cards… 29 of 30 files');
    expect(counts.length).toBeLessThan(17);
  });

  it('shows nothing for a read under a second, nor for files the cache already holds', async () => {
    const root = makeFolder(files);
    const cacheDir = makeFolder();
    const shown: string[] = [];
    await loadCardInfos(root, cacheDir, { now: later(), progress: (text) => shown.push(text), clock: () => 0 });
    let time = 0;
    const slow = () => (time += 1000);
    await loadCardInfos(root, cacheDir, { now: later(), progress: (text) => shown.push(text), clock: slow });
    expect(shown).toEqual([]);
  });
});

describe('loadFullCards', () => {
  it('reads the answers of the given cards, in their order', async () => {
    const root = makeFolder({ 'a.md': card('Alpha'), 'b.md': card('Beta') });
    const { cards } = await loadCardInfos(root, makeFolder(), { now: later() });
    const full = await loadFullCards(root, [...cards].reverse(), () => {});
    expect(full.map((c) => [c.question, c.answer])).toEqual([['Beta', 'The answer.'], ['Alpha', 'The answer.']]);
  });

  it('leaves out a card whose file changed into another card or an invalid one, with a warning', async () => {
    const root = makeFolder({ 'a.md': card('Alpha'), 'b.md': card('Beta'), 'c.md': card('Gamma') });
    const { cards } = await loadCardInfos(root, makeFolder(), { now: later() });
    write(root, 'a.md', '# No answer\n');
    write(root, 'b.md', card('Beta', 'id: renamed'));
    const warnings: string[] = [];
    const full = await loadFullCards(root, cards, (line) => warnings.push(line));
    expect(full.map((c) => c.question)).toEqual(['Gamma']);
    expect(warnings).toEqual([
      'warning: a.md changed while flashdeck was loading it; it is left out this time',
      'warning: b.md changed while flashdeck was loading it; it is left out this time',
    ]);
  });
});
