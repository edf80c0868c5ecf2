import Conf from 'conf';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyConf } from '../../../src/io/store/lazy-conf.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-conf-'));
  folders.push(dir);
  return dir;
}

type Fields = { count?: number; names?: string[] };
const options = (cwd: string) => ({
  cwd,
  configName: 'config',
  projectSuffix: '',
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
});

describe('LazyConf', () => {
  it('reads what conf reads, without writing anything', () => {
    const dir = folder();
    const lazy = new LazyConf<Fields>(options(dir));
    expect(lazy.get('count')).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ count: 3, 'names.x': 1 }));
    const conf = new Conf<Fields>(options(dir));
    expect(lazy.get('count')).toBe(conf.get('count'));
    expect(lazy.get('names')).toBe(conf.get('names'));
    expect(lazy.store).toEqual(conf.store);
  });

  it('writes through conf, atomically, and reads its own writes', () => {
    const dir = folder();
    const lazy = new LazyConf<Fields>(options(dir));
    lazy.set('count', 5);
    lazy.set('names', ['a']);
    lazy.delete('count');
    expect(lazy.get('names')).toEqual(['a']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ names: ['a'] });
    lazy.store = { count: 1 };
    expect(new LazyConf<Fields>(options(dir)).store).toEqual({ count: 1 });
  });

  it('opens conf at once when an option makes it write on open', () => {
    const dir = folder();
    new LazyConf<Fields>({ ...options(dir), defaults: { count: 7 } });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ count: 7 });
  });
});
