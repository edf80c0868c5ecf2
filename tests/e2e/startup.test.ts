import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHashcardsDb } from '../support/hashcards-db.js';
import { BIN, cardFile, cliEnv, testdir } from './helpers.js';

// Start-up time is mostly module loading: these runs record every package the CLI imports, so a heavy import that
// sneaks into a fast path fails here instead of slowing every command down.

// ES modules are seen by a loader hook; CommonJS ones are listed from require's cache at exit.
const RECORDER = `import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/node_modules/')) appendFileSync(process.env.FLASHDECK_RECORD_MODULES, url + '\\\\n');
  return next(url, context);
}\`));
process.on('exit', () => {
  const files = Object.keys(createRequire(process.cwd() + '/').cache).filter((file) => file.includes('/node_modules/'));
  appendFileSync(process.env.FLASHDECK_RECORD_MODULES, files.map((file) => file + '\\n').join(''));
});`;

/** The packages `flashdeck args…` imports (through import statements and import()). */
function packagesLoaded(args: string[], home: string): string[] {
  const record = path.join(testdir(), 'modules.txt');
  const env = cliEnv(home, { FLASHDECK_RECORD_MODULES: record });
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(RECORDER)}`, BIN, ...args],
    { env, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  const urls = readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url !== '');
  return [...new Set(urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? url))].sort();
}

describe('what each command loads', () => {
  it.each([['--version'], ['--help'], ['list', '--help']])(
    '`flashdeck %s` loads no package (commander is bundled)',
    (...args) => {
      expect(packagesLoaded(args, testdir())).toEqual([]);
    },
  );

  it('`list --json` loads no rendering, settings-writing, YAML or markdown-highlighting code', () => {
    const cards = testdir({
      'a.md': cardFile('What is a plain question?', 'An answer.', 'id: a\ntags: [x]\ndifficulty: easy'),
    });
    const home = testdir();
    // The second run is the usual one: the card is parsed and the store exists.
    packagesLoaded(['list', '--json', '--cards', cards], home);
    const loaded = packagesLoaded(['list', '--json', '--cards', cards], home);
    for (const heavy of [
      'conf',
      'ajv',
      'yaml',
      'marked',
      'emphasize',
      'highlight.js',
      'chalk',
      '@inquirer/core',
      'string-width',
      'turndown',
    ]) {
      expect(loaded).not.toContain(heavy);
    }
  });

  it('`progress import` loads SQLite and BLAKE3 for a hashcards.db only', async () => {
    const progress = testdir({
      'laptop.jsonl': `${JSON.stringify({ card: 'a', rating: 4, at: '2026-01-02T00:00:00.000Z', seconds: 3 })}\n`,
    });
    const heavy = ['@noble/hashes', 'sql.js'];
    const fromJson = packagesLoaded(['progress', 'import', path.join(progress, 'laptop.jsonl')], testdir());
    expect(fromJson.filter((name) => heavy.includes(name))).toEqual([]);
    const hashcards = testdir({ 'deck.md': 'Q: What is 2+2?\nA: 4\n' });
    writeFileSync(path.join(hashcards, 'hashcards.db'), await makeHashcardsDb([]));
    const fromDb = packagesLoaded(['progress', 'import', path.join(hashcards, 'hashcards.db')], testdir());
    expect(fromDb.filter((name) => heavy.includes(name))).toEqual(heavy);
  });
});

describe('a checkout that was never built', () => {
  it('says so in one line and exits 1, instead of a stack trace', () => {
    // The shim alone, with no dist/ beside it.
    const checkout = testdir();
    mkdirSync(path.join(checkout, 'bin'));
    for (const name of ['flashdeck.js', 'package.json'])
      copyFileSync(path.join(path.dirname(BIN), name), path.join(checkout, 'bin', name));
    const result = spawnSync(process.execPath, [path.join(checkout, 'bin', 'flashdeck.js'), '--version'], {
      env: cliEnv(testdir()),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: flashdeck is not built in ${checkout}: run \`npm install && npm run build\` there.\n`,
    );
  });
});
