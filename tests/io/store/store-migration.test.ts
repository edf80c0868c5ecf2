import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT_STEPS, migrateStoreConfig, STORE_FORMAT_VERSION } from '../../../src/core/log/store-format.js';
import { openStore } from '../../../src/io/store/store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-migrate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const LOG = '{"card":"a","rating":4,"at":"2025-01-02T10:00:00.000Z","seconds":3}\n';

describe('migrateStoreConfig', () => {
  const steps = {
    1: (config: Record<string, unknown>) => ({ ...config, added: true }),
    2: ({ old, ...config }: Record<string, unknown>) => ({ ...config, renamed: old }),
  };

  it('applies each step from the stored version to the target, in order, and records the version', () => {
    expect(migrateStoreConfig({ formatVersion: 1, old: 5, newCardsPerDay: 7 }, steps, 3)).toEqual({
      formatVersion: 3,
      added: true,
      renamed: 5,
      newCardsPerDay: 7,
    });
    expect(migrateStoreConfig({ formatVersion: 2, old: 5 }, steps, 3)).toEqual({ formatVersion: 3, renamed: 5 });
  });

  it('reads a config without formatVersion as format 1, from before the field existed', () => {
    expect(migrateStoreConfig({ newCardsPerDay: 7 }, steps, 2)).toEqual({
      formatVersion: 2,
      newCardsPerDay: 7,
      added: true,
    });
    expect(migrateStoreConfig({ newCardsPerDay: 7 })).toEqual({
      formatVersion: STORE_FORMAT_VERSION,
      newCardsPerDay: 7,
    });
  });

  it('has a step from every older format to the current one', () => {
    for (let version = 1; version < STORE_FORMAT_VERSION; version++)
      expect(FORMAT_STEPS[version]).toBeTypeOf('function');
    expect(() => migrateStoreConfig({ formatVersion: 1 }, {}, 2)).toThrow('no step from store format 1 to 2');
  });
});

describe('openStore and the format version', () => {
  it.each([
    ['from before the field', {}],
    ['of format 1', { formatVersion: 1 }],
    ['of format 2 (written by the first release with burials in the log)', { formatVersion: 2 }],
    ['of format 3 (renames in the log)', { formatVersion: 3 }],
  ])(
    'writes the version into a store %s, keeping every setting, its burials and the log as they were',
    (_name, version) => {
      const old = { newCardsPerDay: 7, retention: 0.85, buried: { a: '2100-01-01T04:00:00.000Z' } };
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...old, ...version }));
      fs.writeFileSync(path.join(dir, 'reviews.jsonl'), LOG);
      const store = openStore(dir);
      expect(STORE_FORMAT_VERSION).toBe(4);
      expect(JSON.parse(fs.readFileSync(store.configPath, 'utf8'))).toEqual({ ...old, formatVersion: 4 });
      expect(store.getLegacyBurials()).toEqual(new Map([['a', new Date('2100-01-01T04:00:00.000Z')]]));
      expect(store.getSettings()).toEqual({
        newCardsPerDay: 7,
        reviewsPerDay: 200,
        retention: 0.85,
        burySiblings: true,
        images: 'auto',
        suspendLeeches: false,
      });
      expect(fs.readFileSync(store.logPath, 'utf8')).toBe(LOG);
      expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'reviews.jsonl']);
    },
  );

  it('leaves a current store’s files byte for byte as they were', () => {
    const config = `{\n  "formatVersion": ${STORE_FORMAT_VERSION},\n  "newCardsPerDay": 7\n}`;
    fs.writeFileSync(path.join(dir, 'config.json'), config);
    fs.writeFileSync(path.join(dir, 'reviews.jsonl'), LOG);
    const before = fs.statSync(path.join(dir, 'config.json')).mtimeMs;
    openStore(dir).readLog();
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(config);
    expect(fs.statSync(path.join(dir, 'config.json')).mtimeMs).toBe(before);
    expect(fs.readFileSync(path.join(dir, 'reviews.jsonl'), 'utf8')).toBe(LOG);
  });

  it.each([
    ['0', 0],
    ['1.5', 1.5],
    ['-1', -1],
  ])('refuses formatVersion %s as unknown, without touching the file', (_name, version) => {
    const text = JSON.stringify({ formatVersion: version });
    fs.writeFileSync(path.join(dir, 'config.json'), text);
    expect(() => openStore(dir)).toThrow(`has an unknown formatVersion ${version}`);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(text);
  });
});
