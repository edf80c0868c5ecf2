import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHashcardsDb } from '../support/hashcards-db.js';
import { cliEnv, testdir } from './helpers.js';

// What a user gets: a checkout as git gives it (no dist/), packed with `npm pack` and installed with
// `npm install -g <tarball>`, as the README says. The checkout is a copy, so its build never touches this one's dist/.

const NPM_MISSING = spawnSync('npm', ['--version']).error !== undefined;
const CHECKOUT_FILES = [
  'bin',
  'cards',
  'man',
  'scripts',
  'src',
  // The build also bundles the writer of test Anki packages for the bench.
  'tests/support',
  'package.json',
  'package-lock.json',
  'rollup.config.mjs',
  'tsconfig.json',
  'README.md',
  'LICENSE',
];
const SLOW = 180_000;

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8', timeout: SLOW });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, output: result.stdout + result.stderr };
}

describe.skipIf(NPM_MISSING)(`the package${NPM_MISSING ? ' (skipped: npm is not on PATH)' : ''}`, () => {
  let scratch = '';
  let checkout = '';
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'flashdeck-package-'));
    checkout = path.join(scratch, 'checkout');
    for (const file of CHECKOUT_FILES) cpSync(file, path.join(checkout, file), { recursive: true });
    // The packages `npm install` would fetch are the ones installed here.
    symlinkSync(realpathSync('node_modules'), path.join(checkout, 'node_modules'));
    [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], checkout).stdout) as [typeof packed];
  }, SLOW);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('ships the bundle, bin, the bundled deck, README and LICENSE, and no tsc output', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'bin/flashdeck.js',
        'dist/bundle/main.cjs',
        'man/flashdeck.1',
      ]),
    );
    expect(
      files.filter(
        (file) =>
          !/^(LICENSE|README\.md|package\.json|bin\/.*|dist\/bundle\/.*|cards\/.*|man\/flashdeck\.1)$/.test(file),
      ),
    ).toEqual([]);
  });

  it(
    'installs from the tarball with no build step and no warning, and runs from any folder',
    async () => {
      const prefix = path.join(scratch, 'prefix');
      const { output } = npm(['install', '-g', '--prefix', prefix, path.join(scratch, packed.filename)], scratch);
      expect(output).not.toMatch(/install-scripts|allowScripts|prepare|tsc/);
      const installed = path.join(prefix, 'bin', 'flashdeck');
      const result = spawnSync(installed, ['list', '--json'], {
        cwd: testdir(),
        env: cliEnv(testdir()),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toHaveLength(11);
      // `man flashdeck` finds the page where npm puts it for a global install.
      expect(existsSync(path.join(prefix, 'share', 'man', 'man1', 'flashdeck.1'))).toBe(true);
      // sql.js's WebAssembly and the hash library load from the installed package's own node_modules.
      const hashcards = testdir({ 'deck.md': 'Q: What is 2+2?\nA: 4\n' });
      writeFileSync(path.join(hashcards, 'hashcards.db'), await makeHashcardsDb([]));
      const imported = spawnSync(installed, ['progress', 'import', 'hashcards.db'], {
        cwd: hashcards,
        env: cliEnv(testdir()),
        encoding: 'utf8',
      });
      expect(imported).toMatchObject({
        status: 0,
        stderr: '',
        stdout: 'Imported 0 new reviews of 0 cards from hashcards.db.\n',
      });
    },
    SLOW,
  );

  it(
    'npm start builds only when a source changed since the last build',
    () => {
      const bundle = path.join(checkout, 'dist', 'bundle', 'main.cjs');
      const version = packed.filename.replace(/^flashdeck-|\.tgz$/g, '');
      const start = () => {
        const { stdout } = npm(['start', '--', '--version'], checkout);
        expect(stdout.trim().split('\n').at(-1)).toBe(version);
        return { built: /> flashdeck@\S+ build/.test(stdout), bundleTime: statSync(bundle).mtimeMs };
      };
      const packedBuild = statSync(bundle).mtimeMs;
      expect(start()).toEqual({ built: false, bundleTime: packedBuild });
      appendFileSync(path.join(checkout, 'src', 'deps.ts'), '\n');
      expect(start()).toMatchObject({ built: true });
      expect(start()).toMatchObject({ built: false });
    },
    SLOW,
  );
});
