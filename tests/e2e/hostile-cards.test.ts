import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cardFile,
  cliEnv,
  type PtySession,
  RATE,
  readReviewLog,
  REVEAL,
  revealAndRate,
  runCli,
  startPty,
  testdir,
} from './helpers.js';

// Issue 3, cases 1–3: card files are untrusted input. Every run uses the built CLI on real files and its own store.

function readRatings(home: string): string[] {
  return readReviewLog(home).map((line) => line.card);
}

/** Rates every card the session shows with 4, until it exits by itself. */
async function rateAll(t: PtySession, count: number): Promise<number> {
  for (let i = 1; i <= count; i++) await revealAndRate(t, i, '4');
  return t.exited;
}

function linesOf(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

describe('case 1: no code from a card ever runs', () => {
  it('refuses ---js, ---javascript, --- coffee and ---JS frontmatter in quiz, list, stats and lint', async () => {
    const marker = path.join(testdir(), 'code-ran');
    const fs = `(typeof require === 'function' ? require('fs') : process.getBuiltinModule('fs'))`;
    const code = `{ tags: (${fs}.writeFileSync(${JSON.stringify(marker)}, 'ran'), []) }`;
    const cards = testdir({
      'a-js.md': `---js\n${code}\n---\n# Code?\n\nNever run.\n`,
      'b-javascript.md': `---javascript\n${code}\n---\n# Code?\n\nNever run.\n`,
      'c-coffee.md': `--- coffee\ntags: do -> require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n---\n# Code?\n\nNever run.\n`,
      'd-upper.md': `---JS\n${code}\n---\n# Code?\n\nNever run.\n`,
      'valid.md': cardFile('Valid question', 'Valid answer', 'id: valid'),
    });
    const home = testdir();
    for (const command of ['list', 'stats', 'lint']) {
      const result = runCli([command, '--cards', cards], cliEnv(home));
      expect(result.code).toBe(command === 'lint' ? 1 : 0);
      const problems = command === 'lint' ? linesOf(result.stdout) : linesOf(result.stderr);
      expect(problems).toHaveLength(4);
      for (const line of problems) expect(line).toMatch(/frontmatter must be YAML/);
    }
    const t = startPty(['--cards', cards], cliEnv(home));
    await t.waitFor('frontmatter must be YAML', 4);
    expect(await rateAll(t, 1)).toBe(0);
    expect(readRatings(home)).toEqual(['valid']);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('case 2: control sequences in card text never reach the terminal raw', () => {
  // Clear screen, a window title, a clipboard write (OSC 52), C1 CSI, bell, backspace, bidi override and isolate.
  const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u009b31m\u0007\b\u202e\u2066';
  const YAML_HOSTILE = '\\e[2J\\e]0;pwned\\a\\e]52;c;cHduZWQ=\\a\\x9b31m\\a\\b\\u202e\\u2066';
  // What the quiz itself never writes: the hostile sequences and the raw controls they are made of.
  const FORBIDDEN = ['\u001b[2J', '\u001b]', '\u0007', '\b', '\u009b', '\u202e', '\u2066'];
  // Output into a pipe with NO_COLOR carries no control at all but newline (and tab).
  const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  function hostileDeck(): string {
    const deck = `deck${HOSTILE}`;
    return testdir({
      [`${deck}/card.md`]: cardFile(
        `Question ${HOSTILE} end`,
        `Answer ${HOSTILE} done\n\n- item ${HOSTILE}`,
        `id: "id${YAML_HOSTILE}"\ntags: ["tag${YAML_HOSTILE}", plain]`,
      ),
      [`${deck}/bad${HOSTILE}.md`]: cardFile('Bad', 'Card', `difficulty: "${YAML_HOSTILE}"`),
    });
  }

  it('list, stats and lint print none of them, with or without --json, and the JSON keeps the text', () => {
    const cards = hostileDeck();
    // A review, so the card also shows among the weakest cards of `stats`.
    const home = testdir({
      'reviews.jsonl': `${JSON.stringify({ card: `id${HOSTILE}`, rating: 2, at: '2025-03-01T09:00:00.000Z', seconds: 3 })}\n`,
    });
    for (const args of [['list'], ['stats'], ['lint'], ['list', '--json'], ['stats', '--json']]) {
      // Wide enough that `list` shows the id column too.
      const result = runCli([...args, '--cards', cards], cliEnv(home, { COLUMNS: '160' }));
      expect(result.code).toBe(args[0] === 'lint' ? 1 : 0);
      expect(result.stdout).not.toMatch(ANY_CONTROL);
      expect(result.stderr).not.toMatch(ANY_CONTROL);
      expect(result.stdout + result.stderr).toContain('bad');
    }
    const [entry] = JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout) as Record<
      string,
      unknown
    >[];
    expect(entry).toMatchObject({
      id: `id${HOSTILE}`,
      deck: `deck${HOSTILE}`,
      tags: [`tag${HOSTILE}`, 'plain'],
      question: 'Question end',
    });
    const stats = JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout) as { byDeck: object };
    expect(Object.keys(stats.byDeck)).toEqual([`deck${HOSTILE}`]);
  });

  it('the quiz screen shows the deck, tags, question, answer and warnings without them', async () => {
    const cards = hostileDeck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await t.waitFor('Question');
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor('done');
    await t.waitFor(RATE);
    t.pty.write('4');
    expect(await t.exited).toBe(0);
    for (const text of ['#tag', 'Question', 'Answer', 'item', 'deck', 'unknown difficulty'])
      expect(t.screen()).toContain(text);
    for (const sequence of FORBIDDEN) expect(t.raw()).not.toContain(sequence);
    expect(readRatings(home)).toEqual([`id${HOSTILE}`]);
  });
});

describe('case 3: hostile files each give one warning, and the rest of the deck works in bounded memory', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const [prev, next] = [String.fromCharCode(96 + level), String.fromCharCode(97 + level)];
    bomb.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const BAD = {
    'alias-bomb.md': `---\n${bomb.join('\n')}\n---\n# Bomb\n\nBoom.\n`,
    'deep-frontmatter.md': `---\ntags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n# Deep\n\nDeep.\n`,
    'deep-markdown.md': `# Deep quote\n\n${'>'.repeat(100_000)} deep\n`,
    'deep-emphasis.md': `# Deep emphasis\n\n${'*a '.repeat(5_000)}x${' a*'.repeat(5_000)}\n`,
    'tags-map.md': cardFile('Tags', 'Map.', 'tags: {a: 1}'),
    'id-list.md': cardFile('Id', 'List.', 'id: [1, 2]'),
  };
  const BAD_FILES = [
    ...Object.keys(BAD),
    'big.md',
    'binary.md',
    'broken-link.md',
    'fifo.md',
    'latin1.md',
    'loop/back',
  ].sort();

  function hostileFolder(): string {
    const cards = testdir({
      ...BAD,
      'good-a.md': cardFile('Good A', 'Fine.', 'id: good-a'),
      'loop/good-b.md': cardFile('Good B', 'Fine.', 'id: good-b'),
    });
    // 50 MB of text: refused by its size, never read.
    const big = openSync(path.join(cards, 'big.md'), 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'word ');
    writeSync(big, '# Big\n\n');
    for (let i = 0; i < 50; i++) writeSync(big, chunk);
    closeSync(big);
    writeFileSync(path.join(cards, 'binary.md'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]));
    writeFileSync(path.join(cards, 'latin1.md'), Buffer.from('# Caf\xe9?\n\nCoffee.\n', 'latin1'));
    symlinkSync('..', path.join(cards, 'loop', 'back'));
    symlinkSync('missing.md', path.join(cards, 'broken-link.md'));
    expect(spawnSync('mkfifo', [path.join(cards, 'fifo.md')]).status).toBe(0);
    return cards;
  }

  // A V8 heap far smaller than 50 MB of text plus an expanded alias bomb.
  const boundedEnv = (home: string) => cliEnv(home, { NODE_OPTIONS: '--max-old-space-size=128' });

  it('list --json lists the valid cards, warns about five files, then counts the rest', () => {
    const cards = hostileFolder();
    const result = runCli(['list', '--json', '--cards', cards], boundedEnv(testdir()));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual(['good-a', 'good-b']);
    const warnings = linesOf(result.stderr);
    expect(warnings).toHaveLength(6);
    expect(warnings.slice(0, 5).map((line) => BAD_FILES.find((file) => line.startsWith(`warning: ${file}:`)))).toEqual(
      BAD_FILES.slice(0, 5),
    );
    expect(warnings[5]).toBe(
      `warning: ${BAD_FILES.length - 5} more card problems; run \`flashdeck lint --cards ${cards}\` to see them all`,
    );
  });

  it('lint reports each file once, stats counts the valid cards, and a quiz rates them', async () => {
    const cards = hostileFolder();
    const home = testdir();
    const lint = runCli(['lint', '--cards', cards], boundedEnv(home));
    expect(lint.code).toBe(1);
    expect(linesOf(lint.stdout).map((line) => line.slice(0, line.indexOf(':')))).toEqual(BAD_FILES);
    expect(lint.stdout).toMatch(/^alias-bomb\.md:3: YAML aliases/m);
    expect(lint.stdout).toMatch(/^deep-frontmatter\.md:2: frontmatter nested more than 100 levels/m);
    expect(lint.stdout).toMatch(/^big\.md:1: file is 50\.0 MiB, over the 1 MiB limit/m);
    const stats = runCli(['stats', '--json', '--cards', cards], boundedEnv(home));
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ cards: 2, seen: 0 });

    const t = startPty(['--cards', cards], boundedEnv(home));
    expect(await rateAll(t, 2)).toBe(0);
    expect(readRatings(home)).toEqual(['good-a', 'good-b']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable file is one more warning (skipped as root, who can read it)',
    () => {
      const cards = testdir({ 'locked.md': cardFile('Locked', 'Answer'), 'open.md': cardFile('Open', 'Answer') });
      chmodSync(path.join(cards, 'locked.md'), 0o000);
      const result = runCli(['list', '--json', '--cards', cards], cliEnv(testdir()));
      expect(result.code).toBe(0);
      expect(linesOf(result.stderr)).toEqual(['warning: locked.md:1: cannot read file (permission denied)']);
    },
  );
});
