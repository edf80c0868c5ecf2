import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCards } from '../../src/io/cards/card-files.js';
import { cliEnv, runCli, testdir } from './helpers.js';

// `import`, `export` and `new` write only inside the folder they were given, never through a link, and one row that
// cannot be written never stops an import (build first).

const LINK_REFUSED =
  'is a symbolic link: flashdeck writes nothing through links; remove it or write to another folder.';

/** A CSV import file with a deck column, one row per [question, deck]. */
function csvFile(rows: [string, string][]): string {
  const dir = testdir({
    'cards.csv': `question,answer,deck\n${rows.map(([question, deck]) => `${question},An answer,${deck}`).join('\n')}\n`,
  });
  return path.join(dir, 'cards.csv');
}

/** Every file and folder under `root`, as relative paths, without following links. */
function listTree(root: string, under = ''): string[] {
  const entries = readdirSync(path.join(root, under), { withFileTypes: true });
  return entries
    .flatMap((entry) => {
      const name = path.join(under, entry.name);
      return entry.isDirectory() ? [name, ...listTree(root, name)] : [name];
    })
    .sort();
}

describe('flashdeck import into a folder holding links', () => {
  it('refuses a linked deck folder row by row, writes nothing where it points, and imports the other rows', () => {
    const [out, outside] = [testdir(), testdir({ 'mine.txt': 'mine' })];
    symlinkSync(outside, path.join(out, 'spanish'));
    const csv = csvFile([
      ['Hola', 'spanish'],
      ['Bonjour', 'french'],
      ['Hello', ''],
      ['Adiós', 'spanish/verbs'],
    ]);
    const env = cliEnv(testdir());
    const refused = [
      `warning: ${csv}:2: ${out}/spanish ${LINK_REFUSED}`,
      `warning: ${csv}:5: ${out}/spanish ${LINK_REFUSED}`,
      'warning: skipped 2 rows with problems (listed above)',
      '',
    ].join('\n');
    for (const args of [['--dry-run'], [], ['--force']]) {
      const { code, stdout, stderr } = runCli(['import', csv, '--out', out, ...args], env);
      expect(code).toBe(0);
      expect(stderr).toBe(refused);
      expect(stdout).toMatch(/^(Dry run: would import|Imported) 2 cards from /m);
    }
    expect(listTree(outside)).toEqual(['mine.txt']);
    expect(lstatSync(path.join(out, 'spanish')).isSymbolicLink()).toBe(true);
    expect(listTree(out)).toEqual(['french', 'french/bonjour.md', 'hello.md', 'spanish']);
  });

  it('keeps a linked card file without --force, and with it replaces the link itself, never its target', () => {
    const [out, outside] = [testdir(), testdir({ 'target.md': 'theirs' })];
    const link = path.join(out, 'hello.md');
    symlinkSync(path.join(outside, 'target.md'), link);
    const csv = csvFile([['Hello', '']]);
    const env = cliEnv(testdir());

    expect(runCli(['import', csv, '--out', out, '--dry-run'], env).stdout).toContain(
      `==> ${link} (a symbolic link: kept, --force replaces the link itself) <==`,
    );
    const kept = runCli(['import', csv, '--out', out], env);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toBe('warning: kept 1 existing file (--force replaces them): hello.md\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);

    expect(runCli(['import', csv, '--out', out, '--dry-run', '--force'], env).stdout).toContain(
      `==> ${link} (replaces the symbolic link itself, not what it points to) <==`,
    );
    const forced = runCli(['import', csv, '--out', out, '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toContain('Imported 1 card ');
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toMatch(/^---\nid: .*\n---\n\n# Hello\n/);
    expect(readFileSync(path.join(outside, 'target.md'), 'utf8')).toBe('theirs');
    expect(listTree(outside)).toEqual(['target.md']);
    expect(listTree(out)).toEqual(['hello.md']);
  });

  it('writes through the --out folder itself when it is a link: the user chose it', () => {
    const [dir, real] = [testdir(), testdir()];
    symlinkSync(real, path.join(dir, 'out'));
    const { code } = runCli(
      ['import', csvFile([['Hello', 'deck']]), '--out', path.join(dir, 'out')],
      cliEnv(testdir()),
    );
    expect(code).toBe(0);
    expect(listTree(real)).toEqual(['deck', 'deck/hello.md']);
  });

  it('exits 1 when no row could be written, with each row listed', () => {
    const [out, outside] = [testdir(), testdir()];
    symlinkSync(outside, path.join(out, 'deck'));
    const csv = csvFile([
      ['One', 'deck'],
      ['Two', 'deck'],
    ]);
    const { code, stdout, stderr } = runCli(['import', csv, '--out', out], cliEnv(testdir()));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `warning: ${csv}:2: ${out}/deck ${LINK_REFUSED}`,
      `warning: ${csv}:3: ${out}/deck ${LINK_REFUSED}`,
      'warning: skipped 2 rows with problems (listed above)',
      `error: no card could be imported from ${csv} (read as csv); nothing was written.`,
      '',
    ]);
    expect(listTree(outside)).toEqual([]);
  });
});

describe('flashdeck import with rows that cannot be written', () => {
  it('cuts a deck name over 255 bytes to fit, imports every row, and names the same files again next time', async () => {
    const out = path.join(testdir(), 'words');
    const deck = '日本語'.repeat(100); // 900 bytes
    const csv = csvFile([
      ['Long deck', deck],
      ['Short deck', 'short'],
    ]);
    const env = cliEnv(testdir());
    const first = runCli(['import', csv, '--out', out], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Imported 2 cards from ${csv} (csv) into ${out}.\n`);
    const folder = '日本語'.repeat(28) + '日'; // 255 bytes
    expect(listTree(out)).toEqual([folder, `${folder}/long-deck.md`, 'short', 'short/short-deck.md'].sort());
    const { cards } = await loadCards(out);
    expect(cards.map(({ id, deck: cardDeck }) => ({ id, deck: cardDeck }))).toEqual([
      { id: 'words/short/short-deck', deck: 'short' },
      { id: `words/${folder}/long-deck`, deck: folder },
    ]);
    expect(runCli(['import', csv, '--out', out], env).stderr).toBe(
      `warning: kept 2 existing files (--force replaces them): ${folder}/long-deck.md, short/short-deck.md\n`,
    );
  });

  it('reports a file in the way of a folder, a folder in the way of a file and a path too long, each by its line, and goes on', () => {
    const out = testdir({ deck: 'a file, not a deck folder' });
    mkdirSync(path.join(out, 'in-the-way.md'));
    const deepDeck = Array.from({ length: 20 }, (_, level) => `${level}${'x'.repeat(250)}`).join('/'); // over 4096 bytes
    const csv = csvFile([
      ['Fine', ''],
      ['Deck is a file', 'deck'],
      ['In the way', ''],
      ['Too deep', deepDeck],
      ['Also fine', 'other'],
    ]);
    const { code, stdout, stderr } = runCli(['import', csv, '--out', out], cliEnv(testdir()));
    expect(code).toBe(0);
    expect(stdout).toBe(`Imported 2 cards from ${csv} (csv) into ${out}.\n`);
    const lines = stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      `warning: ${csv}:3: ${out}/deck is not a folder: move it away or write to another folder.`,
      `warning: ${csv}:4: cannot write ${out}/in-the-way.md (a folder is in the way): move it away or write to another folder.`,
    ]);
    expect(lines[2]?.startsWith(`warning: ${csv}:5: cannot write ${out}/${deepDeck}/too-deep.md (`)).toBe(true);
    expect(
      lines[2]?.endsWith('.md (the name or path is too long for the file system): use a shorter name or folder.'),
    ).toBe(true);
    expect(lines.slice(3)).toEqual(['warning: skipped 3 rows with problems (listed above)', '']);
    expect(readFileSync(path.join(out, 'deck'), 'utf8')).toBe('a file, not a deck folder');
    expect(readFileSync(path.join(out, 'fine.md'), 'utf8')).toContain('# Fine');
    expect(readFileSync(path.join(out, 'other', 'also-fine.md'), 'utf8')).toContain('# Also fine');
    expect(listTree(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a folder it may not write to by its line, without blaming anything else',
    () => {
      const out = testdir();
      mkdirSync(path.join(out, 'locked'));
      chmodSync(path.join(out, 'locked'), 0o500);
      const csv = csvFile([
        ['Locked', 'locked'],
        ['Open', ''],
      ]);
      const { code, stderr } = runCli(['import', csv, '--out', out], cliEnv(testdir()));
      chmodSync(path.join(out, 'locked'), 0o700);
      expect(code).toBe(0);
      expect(stderr.split('\n')[0]).toBe(
        `warning: ${csv}:2: cannot write ${out}/locked/locked.md (permission denied): check that you can write to that folder.`,
      );
    },
  );

  it('reports an Anki column header naming no column by its line, and imports the notes', () => {
    const notes = path.join(
      testdir({ 'notes.txt': '#separator:tab\n#deck column:9\nCapital of France?\tParis\ttag\n' }),
      'notes.txt',
    );
    const { code, stdout, stderr } = runCli(['import', notes, '--out', testdir()], cliEnv(testdir()));
    expect(code).toBe(0);
    expect(stdout).toContain('Imported 1 card ');
    expect(stderr).toBe(
      `warning: ${notes}:2: "#deck column:9" names no column: the rows have columns 1 to 3 (the header is ignored)\n` +
        'warning: skipped 1 row with problems (listed above)\n',
    );
  });
});

describe('flashdeck export --out a link', () => {
  it('refuses without --force, and with it replaces the link itself, never the file it points to', () => {
    const [dir, outside, cards] = [testdir(), testdir({ 'target.csv': 'theirs' }), testdir({ 'a.md': '# Q?\n\nA.\n' })];
    const link = path.join(dir, 'out.csv');
    symlinkSync(path.join(outside, 'target.csv'), link);
    const env = cliEnv(testdir());
    const refused = runCli(['export', '--cards', cards, '--out', link], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `error: ${link} already exists: pass --force to replace it, or choose another --out.\n`,
    );
    const forced = runCli(['export', '--cards', cards, '--out', link, '--force'], env);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toMatch(/^question,answer/);
    expect(readFileSync(path.join(outside, 'target.csv'), 'utf8')).toBe('theirs');
    expect(listTree(outside)).toEqual(['target.csv']);
    expect(listTree(dir)).toEqual(['out.csv']);
  });

  it('writes into a linked folder named in --out: the user chose it', () => {
    const [dir, real, cards] = [testdir(), testdir(), testdir({ 'a.md': '# Q?\n\nA.\n' })];
    symlinkSync(real, path.join(dir, 'exports'));
    expect(
      runCli(['export', '--cards', cards, '--out', path.join(dir, 'exports', 'deck.tsv')], cliEnv(testdir())).code,
    ).toBe(0);
    expect(listTree(real)).toEqual(['deck.tsv']);
  });
});

describe('flashdeck new in a cards folder holding links', () => {
  it('refuses a linked deck folder in one line, exit 1, and writes nothing where it points', () => {
    const [cards, outside] = [testdir(), testdir()];
    symlinkSync(outside, path.join(cards, 'bio'));
    for (const deck of ['bio', 'bio/cells']) {
      const { code, stdout, stderr } = runCli(
        ['new', '--cards', cards, '--deck', deck, '-q', 'What is ATP?', '-a', 'Energy.'],
        cliEnv(testdir()),
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`error: ${cards}/bio ${LINK_REFUSED}\n`);
    }
    expect(listTree(outside)).toEqual([]);
  });

  it('refuses a file where the deck folder should be', () => {
    const cards = testdir({ bio: 'a file' });
    const { code, stderr } = runCli(
      ['new', '--cards', cards, '--deck', 'bio', '-q', 'Q?', '-a', 'A.'],
      cliEnv(testdir()),
    );
    expect(code).toBe(1);
    expect(stderr).toBe(`error: ${cards}/bio is not a folder: move it away or write to another folder.\n`);
  });

  it('writes into a cards folder that is itself a link, and cuts a deck name over 255 bytes to fit', () => {
    const [dir, real] = [testdir(), testdir()];
    symlinkSync(real, path.join(dir, 'cards'));
    const cards = path.join(dir, 'cards');
    const { code, stdout, stderr } = runCli(
      ['new', '--cards', cards, '--deck', '🧬'.repeat(100), '-q', 'What is DNA?', '-a', 'A molecule.'],
      cliEnv(testdir()),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const folder = '🧬'.repeat(63); // 4 bytes each: 252
    expect(stdout).toBe(`Wrote ${cards}/${folder}/what-is-dna.md (id: ${folder}/what-is-dna)\n`);
    expect(listTree(real)).toEqual([folder, `${folder}/what-is-dna.md`]);
  });
});
