import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import type { LogEntry, ReviewEntry } from '../../../src/core/log/review-log.js';
import { openStore, resolveStoreDir, STORE_FORMAT_VERSION } from '../../../src/io/store/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const review = (card: string, rating: ReviewEntry['rating'] = 4): ReviewEntry => ({
  card,
  rating,
  at: '2026-01-02T10:00:00.000Z',
  seconds: 2.5,
});
const line = (entry: LogEntry): string => `${JSON.stringify(entry)}\n`;
const file = (name: string): string => path.join(dir, name);
const read = (name: string): string => fs.readFileSync(file(name), 'utf8');

describe('openStore', () => {
  it('creates the folder and config.json with the format version; settings follow the defaults', () => {
    const home = path.join(dir, 'a', 'b');
    const store = openStore(home);
    expect(store.dir).toBe(home);
    expect(store.configPath).toBe(path.join(home, 'config.json'));
    expect(store.logPath).toBe(path.join(home, 'reviews.jsonl'));
    expect(JSON.parse(fs.readFileSync(store.configPath, 'utf8'))).toEqual({ formatVersion: STORE_FORMAT_VERSION });
    expect(store.getSettings()).toEqual({
      newCardsPerDay: 20,
      reviewsPerDay: 200,
      retention: 0.9,
      burySiblings: true,
      images: 'auto',
      suspendLeeches: false,
    });
    expect(store.warnings).toEqual([]);
    expect(store.readLog()).toEqual([]);
    expect(fs.existsSync(store.logPath)).toBe(false);
  });

  it('reads settings the user has set, and refuses a nonsense value', () => {
    fs.writeFileSync(file('config.json'), JSON.stringify({ formatVersion: 1, newCardsPerDay: 5 }));
    const store = openStore(dir);
    expect(store.getSettings()).toMatchObject({ newCardsPerDay: 5 });
    fs.writeFileSync(file('config.json'), JSON.stringify({ formatVersion: 1, newCardsPerDay: 'lots' }));
    expect(() => store.getSettings()).toThrow(
      /newCardsPerDay in .*config\.json must be new cards per study day, a whole number/,
    );
  });

  it.each([
    [
      'not JSON',
      '{"formatVersion": 1,',
      /config\.json is not valid JSON\. Move it aside or fix it; your reviews in reviews\.jsonl are untouched\./,
    ],
    ['an array', '[1, 2]', /config\.json does not hold a JSON object/],
    ['null', 'null', /config\.json does not hold a JSON object/],
    ['a text version', '{"formatVersion": "1"}', /unknown formatVersion "1"/],
  ])('refuses a config.json that is %s and leaves it as it is', (_name, text, message) => {
    fs.writeFileSync(file('config.json'), text);
    expect(() => openStore(dir)).toThrow(StoreError);
    expect(() => openStore(dir)).toThrow(message);
    expect(read('config.json')).toBe(text);
  });

  it('refuses a store written by a newer flashdeck', () => {
    const text = JSON.stringify({ formatVersion: STORE_FORMAT_VERSION + 1 });
    fs.writeFileSync(file('config.json'), text);
    expect(() => openStore(dir)).toThrow(
      `written by a newer flashdeck (format ${STORE_FORMAT_VERSION + 1}). Upgrade flashdeck`,
    );
    expect(read('config.json')).toBe(text);
  });

  it('turns a file in the way of the folder into a StoreError naming it', () => {
    const blocker = file('taken');
    fs.writeFileSync(blocker, '');
    expect(() => openStore(blocker)).toThrow(StoreError);
    expect(() => openStore(path.join(blocker, 'inside'))).toThrow(
      `cannot create the folder ${path.join(blocker, 'inside')} (ENOTDIR)`,
    );
  });
});

describe('review log', () => {
  it('appends one line per entry and reads them back, in file order', () => {
    const store = openStore(dir);
    const a = review('bio/cell', 5);
    const b: LogEntry = { card: 'bio/cell', undo: a.at, at: '2026-01-02T10:00:09.000Z' };
    store.append(a);
    store.append(b);
    expect(read('reviews.jsonl')).toBe(
      '{"card":"bio/cell","rating":5,"at":"2026-01-02T10:00:00.000Z","seconds":2.5}\n' +
        '{"card":"bio/cell","undo":"2026-01-02T10:00:00.000Z","at":"2026-01-02T10:00:09.000Z"}\n',
    );
    expect(store.readLog()).toEqual([a, b]);
    expect(openStore(dir).readLog()).toEqual([a, b]);
  });

  it('only ever adds bytes at the end', () => {
    const store = openStore(dir);
    let before = '';
    for (let i = 0; i < 5; i++) {
      store.append(review(`card-${i}`));
      const after = read('reviews.jsonl');
      expect(after.startsWith(before)).toBe(true);
      expect(after.slice(before.length)).toBe(line(review(`card-${i}`)));
      before = after;
    }
  });

  it('refuses to write an entry that would not read back', () => {
    const store = openStore(dir);
    store.append(review('a'));
    expect(() => store.append({ ...review('b'), seconds: Number.NaN })).toThrow(TypeError);
    expect(read('reviews.jsonl')).toBe(line(review('a')));
  });

  it('sets aside a torn last line on open, and the next append gives a valid log', () => {
    const good = line(review('a'));
    fs.writeFileSync(file('reviews.jsonl'), `${good}{"card":"b","rati`);
    const store = openStore(dir);
    const sideFiles = fs.readdirSync(dir).filter((name) => name.startsWith('reviews.jsonl.torn-'));
    expect(sideFiles).toHaveLength(1);
    const sideFile = path.join(dir, sideFiles[0] ?? '');
    expect(fs.readFileSync(sideFile, 'utf8')).toBe('{"card":"b","rati');
    expect(read('reviews.jsonl')).toBe(good);
    expect(store.warnings).toEqual([
      `warning: set aside an incomplete last line of ${store.logPath} (saved in ${sideFile})`,
    ]);
    store.append(review('c'));
    expect(store.readLog()).toEqual([review('a'), review('c')]);
  });

  it('reports a damaged line and changes nothing, not even a torn tail', () => {
    const text = `${line(review('a'))}oops\n${line(review('b'))}{"half`;
    fs.writeFileSync(file('reviews.jsonl'), text);
    const store = openStore(dir);
    expect(store.warnings).toEqual([]);
    expect(() => store.readLog()).toThrow(StoreError);
    expect(() => store.readLog()).toThrow(
      `the review log ${store.logPath} is damaged at line 2 (not a review). Fix or remove that line; flashdeck has not changed the file.`,
    );
    expect(read('reviews.jsonl')).toBe(text);
    expect(fs.readdirSync(dir).some((name) => name.includes('.torn-'))).toBe(false);
  });

  it('counts the other damaged lines', () => {
    fs.writeFileSync(file('reviews.jsonl'), `x\n${line(review('a'))}{"rating":9}\n[]\n`);
    expect(() => openStore(dir).readLog()).toThrow(/damaged at line 1 and 2 other lines \(not a review\)/);
  });

  it('adds the missing newline after a valid last line before appending', () => {
    const handEdited = JSON.stringify(review('a'));
    fs.writeFileSync(file('reviews.jsonl'), handEdited);
    const store = openStore(dir);
    expect(store.warnings).toEqual([]);
    store.append(review('b'));
    store.append(review('c'));
    expect(read('reviews.jsonl')).toBe(`${handEdited}\n${line(review('b'))}${line(review('c'))}`);
    expect(store.readLog()).toEqual([review('a'), review('b'), review('c')]);
  });

  it('turns fs errors into a StoreError naming the file', () => {
    const store = openStore(dir);
    fs.mkdirSync(store.logPath);
    expect(() => store.append(review('a'))).toThrow(
      `cannot append to ${store.logPath} (EISDIR). A folder is in the way of that file: move it aside.`,
    );
    expect(() => store.readLog()).toThrow(`cannot read ${store.logPath} (EISDIR)`);
  });
});

describe('resolveStoreDir', () => {
  it('uses FLASHDECK_HOME, made absolute', () => {
    expect(resolveStoreDir({ FLASHDECK_HOME: dir })).toBe(dir);
    expect(resolveStoreDir({ FLASHDECK_HOME: 'rel/home' })).toBe(path.resolve('rel/home'));
  });

  it.runIf(process.platform === 'linux')("falls back to conf's config folder without the -nodejs suffix", () => {
    vi.stubEnv('XDG_CONFIG_HOME', dir);
    expect(resolveStoreDir({})).toBe(path.join(dir, 'flashdeck'));
    expect(resolveStoreDir({ FLASHDECK_HOME: '' })).toBe(path.join(dir, 'flashdeck'));
    vi.stubEnv('XDG_CONFIG_HOME', '');
    expect(resolveStoreDir({})).toBe(path.join(os.homedir(), '.config', 'flashdeck'));
  });
});

describe('settings and buried cards', () => {
  it('sets a setting, keeps the others at their defaults, and unsets it again', async () => {
    const { findSetting } = await import('../../../src/core/schedule/settings.js');
    const store = openStore(dir);
    const retention = findSetting('retention');
    if (!retention) throw new Error('no retention setting');
    store.setSetting(retention, 0.85);
    expect(openStore(dir).getSettings()).toEqual({
      newCardsPerDay: 20,
      reviewsPerDay: 200,
      retention: 0.85,
      burySiblings: true,
      images: 'auto',
      suspendLeeches: false,
    });
    store.setSetting(retention, undefined);
    expect(JSON.parse(read('config.json'))).toEqual({ formatVersion: STORE_FORMAT_VERSION });
  });

  it('reads the burials a store of format 1 kept in config.json, and writes none there', () => {
    const buried = { a: '2026-03-02T04:00:00.000Z', b: 'never', c: 5 };
    fs.writeFileSync(file('config.json'), JSON.stringify({ formatVersion: 1, buried }));
    const store = openStore(dir);
    expect(store.getLegacyBurials()).toEqual(new Map([['a', new Date('2026-03-02T04:00:00.000Z')]]));
    expect(JSON.parse(read('config.json'))).toEqual({ formatVersion: STORE_FORMAT_VERSION, buried });
    expect(openStore(path.join(dir, 'fresh')).getLegacyBurials()).toEqual(new Map());
  });

  it('gives the log’s bytes and file status through the store, and nothing before there is a log', () => {
    const store = openStore(dir);
    expect(store.statLog()).toBeUndefined();
    expect(store.readLogBytes()).toEqual(Buffer.alloc(0));
    store.append(review('a'));
    expect(store.readLogBytes().toString()).toBe(line(review('a')));
    expect(store.statLog()?.size).toBe(line(review('a')).length);
  });
});
