import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { formatProblem, loadCards, warnAboutProblems } from '../../../src/io/cards/card-files.js';

const BUNDLED_CARDS = fileURLToPath(new URL('../../../cards', import.meta.url));
const folders: string[] = [];

/** Writes a temporary tree of files; removed after each test. */
function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flashdeck-cards-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

const card = (question: string, frontmatter = '') =>
  `${frontmatter ? `---\n${frontmatter}\n---\n` : ''}# ${question}\n\nThe answer.\n`;

afterEach(() => {
  for (const folder of folders.splice(0)) {
    fs.chmodSync(folder, 0o700);
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

describe('loadCards', () => {
  it('walks folders recursively, names decks by folder and sorts by path', async () => {
    const root = makeTree({
      'z.md': card('Z'),
      'ml/optim/adam.md': card('Adam'),
      'ml/b.MD': card('B'),
      'ml-basics.md': card('Basics'),
      'notes.txt': 'not a card',
    });
    const { cards, problems } = await loadCards(root);
    expect(problems).toEqual([]);
    expect(cards.map((c) => [c.path, c.deck, c.id])).toEqual([
      ['ml-basics.md', '.', 'ml-basics'],
      ['ml/b.MD', 'ml', 'ml/b'],
      ['ml/optim/adam.md', 'ml/optim', 'ml/optim/adam'],
      ['z.md', '.', 'z'],
    ]);
  });

  it('skips READMEs, dot and underscore files and folders, and node_modules', async () => {
    const root = makeTree({
      'README.md': 'no question',
      'deck/readme.MD': 'no question',
      '.hidden.md': 'x',
      '.git/card.md': 'x',
      '_drafts/card.md': 'x',
      'deck/_draft.md': 'x',
      'node_modules/pkg/card.md': 'x',
      'deck/card.md': card('Kept'),
    });
    const { cards, problems } = await loadCards(root);
    expect(problems).toEqual([]);
    expect(cards.map((c) => c.path)).toEqual(['deck/card.md']);
  });

  it('keeps the first of several cards with one id and reports the others at their id line', async () => {
    const root = makeTree({
      'a/first.md': card('First', 'id: shared'),
      'b/second.md': card('Second', 'tags: [x]\nid: shared'),
      'c/third.md': card('Third', 'id: other'),
    });
    const { cards, problems } = await loadCards(root);
    expect(cards.map((c) => c.path)).toEqual(['a/first.md', 'c/third.md']);
    expect(problems).toEqual([{ path: 'b/second.md', line: 3, message: 'duplicate id "shared" (already used by a/first.md)' }]);
  });

  it('reports files that are too big, not UTF-8 or binary without failing the others', async () => {
    const root = makeTree({
      'big.md': `# Big\n\n${'x'.repeat(1024 * 1024)}`,
      'latin1.md': Buffer.from('# Caf\xe9\n\nanswer\n', 'latin1'),
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'good.md': card('Good'),
    });
    const { cards, problems } = await loadCards(root);
    expect(cards.map((c) => c.path)).toEqual(['good.md']);
    expect(problems.map((p) => [p.path, p.line])).toEqual([['big.md', 1], ['image.md', 1], ['latin1.md', 1]]);
    expect(problems[0]?.message).toMatch(/over the 1 MiB limit/);
    expect(problems[1]?.message).toMatch(/binary file/);
    expect(problems[2]?.message).toMatch(/not valid UTF-8/);
  });

  it('terminates on a symlink loop and reads each real folder once', async () => {
    const root = makeTree({ 'deck/card.md': card('Q') });
    fs.symlinkSync('..', path.join(root, 'deck', 'loop'));
    fs.symlinkSync('deck', path.join(root, 'alias'));
    const { cards, problems } = await loadCards(root);
    // The loop is reported once; the second link to `deck` is not a problem.
    expect(problems).toEqual([{ path: 'alias/loop', line: 1, message: 'link loop: this links back to a folder that contains it, skipped' }]);
    expect(cards.map((c) => c.path)).toEqual(['alias/card.md']);
  });

  it('reads symlinked files and reports broken links', async () => {
    const root = makeTree({ 'real/card.md': card('Q') });
    fs.symlinkSync('real/card.md', path.join(root, 'linked.md'));
    fs.symlinkSync('missing.md', path.join(root, 'broken.md'));
    const { cards, problems } = await loadCards(root);
    expect(cards.map((c) => c.path)).toEqual(['linked.md', 'real/card.md']);
    expect(problems).toEqual([{ path: 'broken.md', line: 1, message: 'cannot read file (not found, or a broken link)' }]);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files and folders (skipped as root, where chmod 000 does not block reads)', async () => {
    const root = makeTree({ 'locked.md': card('Q'), 'open.md': card('Q'), 'sealed/card.md': card('Q') });
    fs.chmodSync(path.join(root, 'locked.md'), 0o000);
    fs.chmodSync(path.join(root, 'sealed'), 0o000);
    try {
      const { cards, problems } = await loadCards(root);
      expect(cards.map((c) => c.path)).toEqual(['open.md']);
      expect(problems).toEqual([
        { path: 'locked.md', line: 1, message: 'cannot read file (permission denied)' },
        { path: 'sealed', line: 1, message: 'cannot read folder (permission denied)' },
      ]);
    } finally {
      fs.chmodSync(path.join(root, 'sealed'), 0o700);
    }
  });

  // A link to the process's own memory file is a regular file that fails on read (EIO), even for root.
  it.skipIf(!fs.existsSync('/proc/self/mem'))('reports a file whose read fails and keeps the other cards', async () => {
    const root = makeTree({ 'open.md': card('Q') });
    fs.symlinkSync('/proc/self/mem', path.join(root, 'failing.md'));
    const { cards, problems } = await loadCards(root);
    expect(cards.map((c) => c.path)).toEqual(['open.md']);
    expect(problems).toEqual([{ path: 'failing.md', line: 1, message: 'cannot read file (EIO)' }]);
  });

  it('throws a usage error when the root is missing or a file', async () => {
    const root = makeTree({ 'file.md': card('Q') });
    await expect(loadCards(path.join(root, 'nope'))).rejects.toThrow(UsageError);
    await expect(loadCards(path.join(root, 'nope'))).rejects.toThrow(/^cards folder not found: .*nope \(pass --cards <dir> or set FLASHDECK_CARDS\)$/);
    await expect(loadCards(path.join(root, 'file.md'))).rejects.toThrow(UsageError);
  });

  it('loads the bundled deck: 11 valid cards without the rating widget', async () => {
    const { cards, problems } = await loadCards(BUNDLED_CARDS);
    expect(problems).toEqual([]);
    expect(cards).toHaveLength(11);
    expect(new Set(cards.map((c) => c.deck))).toEqual(new Set(['optimization-in-neural-networks']));
    expect(cards.filter((c) => c.difficulty === 'easy')).toHaveLength(3);
    expect(cards.filter((c) => c.difficulty === 'medium')).toHaveLength(8);
    expect(new Set(cards.map((c) => c.id)).size).toBe(11);
    for (const c of cards) {
      const text = `${c.question}\n${c.answer}`;
      expect(text).not.toMatch(/How well did you know this|Not at all|Perfectly|[👶⭐🚀]/u);
      expect(c.tags.length).toBeGreaterThanOrEqual(2);
    }
    expect(cards[0]?.question).toBe('What is backpropagation? How does it work? Why do we need it?');
    expect(cards[0]?.answer).toMatch(/^- Calculate the error – /m);
  });
});

describe('problem output', () => {
  const problem = (n: number) => ({ path: `deck/c${n}.md`, line: n, message: 'no question' });

  it('formats a problem on one sanitised line', () => {
    expect(formatProblem({ path: 'a\u001B[2J\nb.md', line: 3, message: 'bad\u0007' })).toBe('a b.md:3: bad');
  });

  it('warns about the first five problems and counts the rest, with the lint command for that folder', () => {
    const lines: string[] = [];
    warnAboutProblems([1, 2, 3, 4, 5, 6, 7].map(problem), '/notes/my cards', (line) => lines.push(line));
    expect(lines).toEqual([
      'warning: deck/c1.md:1: no question',
      'warning: deck/c2.md:2: no question',
      'warning: deck/c3.md:3: no question',
      'warning: deck/c4.md:4: no question',
      'warning: deck/c5.md:5: no question',
      "warning: 2 more card problems; run `flashdeck lint --cards '/notes/my cards'` to see them all",
    ]);
  });

  it('prints no count line for five problems or fewer', () => {
    const lines: string[] = [];
    warnAboutProblems([1, 2].map(problem), '/notes', (line) => lines.push(line));
    expect(lines).toHaveLength(2);
  });
});
