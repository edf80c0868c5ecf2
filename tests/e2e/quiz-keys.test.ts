import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, RATE, readReviewLog, REVEAL, revealAndRate, runCli, startPty, testdir } from './helpers.js';

function deck() {
  return testdir({
    'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
    'b.md': cardFile('Bravo question', 'Bravo answer', 'id: bravo'),
    'c.md': cardFile('Charlie question', 'Charlie answer', 'id: charlie'),
  });
}

/** `list --json` and `stats --json` together: what undo must restore exactly. */
function snapshot(cards: string, home: string) {
  const list = JSON.parse(runCli(['list', '--json', '--cards', cards], cliEnv(home)).stdout);
  const stats = JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(home)).stdout);
  return { list, stats };
}

describe('undo', () => {
  it('takes a rating back exactly and shows the card again; several undos walk back', async () => {
    const cards = deck();
    const home = testdir();
    const before = snapshot(cards, home);
    const t = startPty(['--cards', cards], cliEnv(home));
    await revealAndRate(t, 1, '4');
    await revealAndRate(t, 2, '2');
    await t.waitFor(REVEAL, 3); // charlie
    t.pty.write('u');
    await t.waitFor('Took back rating 2');
    await t.waitFor(REVEAL, 4); // bravo again
    t.pty.write('u');
    await t.waitFor('Took back rating 4');
    await t.waitFor(REVEAL, 5); // alpha again
    // shown twice, and named once in the undo message
    expect(t.screen().split('Alpha question').length - 1).toBe(3);
    t.pty.write('u');
    await t.waitFor('Nothing to undo yet.');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    expect(snapshot(cards, home)).toEqual(before);
    const log = readReviewLog(home);
    expect(log.map((e) => e.undo ?? e.rating)).toEqual([4, 2, log[1]?.at, log[0]?.at]);
  });

  it('undoes from the rating prompt too, and the next rating counts', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards, '-n', '2'], cliEnv(home));
    await revealAndRate(t, 1, '5');
    await t.waitFor(REVEAL, 2);
    t.pty.write(' ');
    await t.waitFor(RATE, 2);
    t.pty.write('u');
    await t.waitFor('Took back rating 5');
    await revealAndRate(t, 3, '3'); // alpha again
    await revealAndRate(t, 4, '4'); // bravo
    expect(await t.exited).toBe(0);
    const { list } = snapshot(cards, home);
    expect(list.map((c: { lastRating: number | null }) => c.lastRating)).toEqual([3, 4, null]);
  });
});

describe('edit', () => {
  it('opens $EDITOR on the card file, reloads it and shows it again', async () => {
    const cards = deck();
    const home = testdir();
    const editor = path.join(testdir(), 'edit.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/Alpha question/Edited question/" "$1"\n');
    chmodSync(editor, 0o755);
    const t = startPty(['--cards', cards, '-n', '1'], cliEnv(home, { EDITOR: editor, VISUAL: '' }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('Reloaded the card.');
    await t.waitFor('Edited question');
    expect(readFileSync(path.join(cards, 'a.md'), 'utf8')).toContain('# Edited question');
    await revealAndRate(t, 2, '4', 1);
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((e) => [e.card, e.rating])).toEqual([['alpha', 4]]);
  });

  it('opens an editor that takes +LINE at the card’s line (a card of an Obsidian note, line 4)', async () => {
    const cards = testdir({ 'bio.md': '#flashcards\n\nintro text\nWhat makes ATP::mitochondria\n' });
    const tools = testdir();
    // Named vim, so flashdeck passes the line the way vi-like editors take it; it records its arguments.
    const editor = path.join(tools, 'vim');
    writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > "${path.join(tools, 'args')}"\n`);
    chmodSync(editor, 0o755);
    const t = startPty(['--cards', cards, '-n', '1'], cliEnv(testdir(), { EDITOR: editor, VISUAL: '' }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('Reloaded the card.');
    expect(readFileSync(path.join(tools, 'args'), 'utf8')).toBe(`+4\n${path.join(cards, 'bio.md')}\n`);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });

  it('keeps the old version for the session when the edit makes the card invalid', async () => {
    const cards = deck();
    const home = testdir();
    const editor = path.join(testdir(), 'break.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "no heading here\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    const t = startPty(['--cards', cards, '-n', '1'], cliEnv(home, { VISUAL: editor }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('keeps the version shown before');
    expect(t.screen()).toContain('a.md:1: no question');
    t.pty.write('\r');
    await t.waitFor('Alpha question', 2);
    t.pty.write(' ');
    await t.waitFor('Alpha answer');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});

describe('skip, bury and help', () => {
  it('skips a card for the session without rating it', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await t.waitFor(REVEAL);
    t.pty.write('s');
    await t.waitFor('Skipped for this session.');
    await revealAndRate(t, 2, '4', 1); // bravo
    await revealAndRate(t, 3, '4', 2); // charlie
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((e) => e.card)).toEqual(['bravo', 'charlie']);
  });

  it('buries a card until tomorrow: the next session leaves it out, --all still has it', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards, '-n', '1'], cliEnv(home));
    await t.waitFor(REVEAL);
    t.pty.write('b');
    await t.waitFor('Buried until tomorrow.');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    // The burial is a line of the log, made at the moment of `b`, until the next study day's 04:00; config.json,
    // which only `config` and `optimize` write (under a lock), is left as opening the store made it.
    const [burial, ...others] = readReviewLog(home);
    expect(others).toEqual([]);
    expect(Object.keys(burial!)).toEqual(['card', 'bury', 'at']);
    expect(burial!.card).toBe('alpha');
    expect(Date.parse(burial!.bury!) - Date.parse(burial!.at)).toBeGreaterThan(0);
    expect(Date.parse(burial!.bury!) - Date.parse(burial!.at)).toBeLessThanOrEqual(86_400_000);
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({ formatVersion: 4 });
    const next = startPty(['--cards', cards, '-n', '1'], cliEnv(home));
    await next.waitFor(REVEAL);
    expect(next.screen()).toContain('Bravo question');
    next.pty.write('q');
    await next.exited;
    const cram = startPty(['--cards', cards, '--all', '-n', '1'], cliEnv(home));
    await cram.waitFor(REVEAL);
    expect(cram.screen()).toContain('Alpha question');
    cram.pty.write('q');
    await cram.exited;
  });

  it('a store from before burials were log lines (config.json "buried") still hides a card until its burial ends', async () => {
    const cards = deck();
    const firstShown = async (until: number) => {
      const home = testdir({
        'config.json': JSON.stringify({ formatVersion: 1, buried: { alpha: new Date(until).toISOString() } }),
      });
      const t = startPty(['--cards', cards, '-n', '1'], cliEnv(home));
      await t.waitFor(REVEAL);
      const screen = t.screen();
      t.pty.write('q');
      expect(await t.exited).toBe(0);
      // The store is brought to format 3; its old burial stays where it was, and nothing enters the log.
      expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toMatchObject({ formatVersion: 4 });
      expect(readReviewLog(home)).toEqual([]);
      return screen.includes('Alpha question') ? 'alpha' : 'bravo';
    };
    expect(await firstShown(Date.now() + 3_600_000)).toBe('bravo');
    expect(await firstShown(Date.now() - 60_000)).toBe('alpha');
  });

  it('lists every key on ?', async () => {
    const t = startPty(['--cards', deck()], cliEnv(testdir()));
    await t.waitFor(REVEAL);
    t.pty.write('?');
    await t.waitFor('bury this card until tomorrow');
    for (const text of [
      'show the answer',
      'undo the last rating',
      'edit this card',
      'skip this card',
      'end the session',
    ]) {
      expect(t.screen()).toContain(text);
    }
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});

describe('type-in mode', () => {
  it('shows the typed answer, several lines long, above the real one, then rates as usual', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards, '--type', '-n', '1'], cliEnv(home));
    await t.waitFor('Type your answer');
    t.pty.write('my first line\r');
    t.pty.write('my second line\r');
    t.pty.write('\r');
    await t.waitFor('Your answer');
    await t.waitFor(RATE);
    const screen = t.screen();
    expect(screen.indexOf('my second line')).toBeLessThan(screen.indexOf('Alpha answer'));
    expect(screen).toMatch(/my first line\s+my second line/);
    t.pty.write('5');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((e) => e.rating)).toEqual([5]);
  });
});

describe('long answers', () => {
  it('pages an answer taller than the terminal', async () => {
    const answer = Array.from({ length: 60 }, (_, i) => `- line ${i + 1}`).join('\n');
    const cards = testdir({ 'long.md': cardFile('Long question', answer) });
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    t.pty.resize(80, 20);
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor('Space for more');
    expect(t.screen()).not.toContain('line 60');
    for (let page = 1; !t.screen().includes(RATE); page += 1) {
      t.pty.write(' ');
      await new Promise((r) => setTimeout(r, 150));
      expect(page).toBeLessThan(10);
    }
    expect(t.screen()).toContain('line 60');
    t.pty.write('4');
    expect(await t.exited).toBe(0);
  });
});

describe('daily limits', () => {
  it('takes the new-card limit from `flashdeck config`', async () => {
    const cards = deck();
    const home = testdir();
    expect(runCli(['config', 'set', 'new-per-day', '1'], cliEnv(home)).code).toBe(0);
    const t = startPty(['--cards', cards], cliEnv(home));
    await revealAndRate(t, 1, '4');
    expect(await t.exited).toBe(0);
    const again = runCli(['--cards', cards], cliEnv(home));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('New cards for today are used up');
  });
});

/** An editor script that runs `body` on the card file ("$1"). */
function editorScript(body: string): string {
  const editor = path.join(testdir(), 'edit.sh');
  writeFileSync(editor, `#!/bin/sh\n${body}\n`);
  chmodSync(editor, 0o755);
  return editor;
}

describe('Ctrl+D ends the session as q does, at every prompt', () => {
  const CTRL_D = '\u0004';
  const longAnswer = Array.from({ length: 60 }, (_, i) => `- line ${i + 1}`).join('\n');

  it.each([
    ['the question', [], async () => {}],
    [
      'the rating prompt',
      [],
      async (t: ReturnType<typeof startPty>) => {
        t.pty.write(' ');
        await t.waitFor('Space for more');
        t.pty.write('q');
        await t.waitFor(RATE, 2);
      },
    ],
    [
      'the typing prompt',
      ['--type'],
      async (t: ReturnType<typeof startPty>) => {
        await t.waitFor('Type your answer', 2);
        t.pty.write('half an ans');
      },
    ],
    [
      'the pager',
      [],
      async (t: ReturnType<typeof startPty>) => {
        t.pty.write(' ');
        await t.waitFor('Space for more');
      },
    ],
  ] as const)('at %s: the summary, exit 0, earlier ratings kept', async (_where, flags, reach) => {
    const cards = testdir({
      'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha'),
      'b.md': cardFile('Bravo question', longAnswer, 'id: bravo'),
    });
    const home = testdir();
    const t = startPty(['--cards', cards, ...flags], cliEnv(home));
    t.pty.resize(80, 20);
    if (flags.length > 0) {
      await t.waitFor('Type your answer');
      t.pty.write('\r');
      await t.waitFor(RATE);
      t.pty.write('4');
    } else {
      await revealAndRate(t, 1, '4');
    }
    await t.waitFor('Bravo question');
    if (flags.length === 0) await t.waitFor(REVEAL, 2);
    await reach(t);
    t.pty.write(CTRL_D);
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('1 card rated');
    expect(readReviewLog(home).map((e) => [e.card, e.rating])).toEqual([['alpha', 4]]);
  });

  it("at new's prompts: no card is written, exit 0", async () => {
    const cards = testdir();
    // At the first question, and at the difficulty menu after a question typed (the answer given as a flag).
    for (const typed of ['', 'Question text\r']) {
      const t = startPty(['new', '--cards', cards, ...(typed ? ['--answer', 'An answer'] : [])], cliEnv(testdir()));
      await t.waitFor('Question:');
      t.pty.write(typed);
      if (typed) await t.waitFor('Difficulty:');
      t.pty.write(CTRL_D);
      expect(await t.exited).toBe(0);
      expect(t.screen()).toContain('No card written.');
    }
    expect(readdirSync(cards)).toEqual([]);
  });
});

describe('undo walks back over skips and burials', () => {
  it('a skip is undone: the card is back in front', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await revealAndRate(t, 1, '4'); // alpha
    await t.waitFor(REVEAL, 2);
    t.pty.write('s'); // bravo
    await t.waitFor('Skipped for this session.');
    await t.waitFor(REVEAL, 3);
    t.pty.write('u');
    await t.waitFor('Took back the skip of “Bravo question”.');
    await t.waitFor('Bravo question', 2);
    t.pty.write('u');
    await t.waitFor('Took back rating 4 of “Alpha question”.');
    await t.waitFor('Alpha question', 2);
    await t.waitFor(REVEAL, 5); // keys sent before a card's prompt shows are discarded
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    const log = readReviewLog(home);
    expect(log.map((e) => [e.card, e.rating ?? 'undo'])).toEqual([
      ['alpha', 4],
      ['alpha', 'undo'],
    ]);
  });

  it('a burial is undone with the rating history intact: never both buried and rated', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    await revealAndRate(t, 1, '1'); // alpha lapses: it comes back later in the session
    await t.waitFor(REVEAL, 2);
    t.pty.write('b'); // bravo
    await t.waitFor('Buried until tomorrow.');
    await t.waitFor(REVEAL, 3);
    t.pty.write('u');
    await t.waitFor('Took back the burial of “Bravo question”.');
    await t.waitFor('Bravo question', 2);
    await revealAndRate(t, 4, '5', 2); // bravo, rated now that it is not buried
    // Keys pressed before a card shows are discarded: `q` waits for charlie.
    await t.waitFor(REVEAL, 5);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    const log = readReviewLog(home);
    expect(log.map((e) => [e.card, e.rating ?? Object.keys(e)[1]])).toEqual([
      ['alpha', 1],
      ['bravo', 'bury'],
      ['bravo', 'unbury'],
      ['bravo', 5],
    ]);
    // The unburial names the burial it takes back.
    expect(log[2]!.unbury).toBe(log[1]!.at);
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).not.toHaveProperty('buried');
  });
});

describe('edit, beyond the happy path', () => {
  it('never edits the bundled deck: says it is read-only and how to copy it', async () => {
    const marker = path.join(testdir(), 'edited');
    const home = testdir();
    const t = startPty(['-n', '1'], cliEnv(home, { VISUAL: editorScript(`touch "${marker}"`) }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('The bundled deck is read-only');
    expect(t.screen()).toMatch(/cp -r "[^"]+cards" ~\/flashcards/);
    await t.waitFor(REVEAL, 2);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('a missing editor is said, and nothing claims the card was reloaded', async () => {
    const t = startPty(['--cards', deck(), '-n', '1'], cliEnv(testdir(), { VISUAL: '/nonexistent/editor' }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('The card was not edited: the editor "/nonexistent/editor" exited with code 127');
    expect(t.screen()).not.toContain('Reloaded the card.');
    await t.waitFor(REVEAL, 2);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });

  it('an edit that breaks the card can be reopened and fixed', async () => {
    const cards = deck();
    const count = path.join(testdir(), 'count');
    // The first edit breaks the card, the second fixes it.
    const editor = editorScript(
      `if [ -e "${count}" ]; then printf -- '---\\nid: alpha\\n---\\n# Fixed question\\n\\nFixed answer\\n' > "$1"; else touch "${count}"; printf 'broken\\n' > "$1"; fi`,
    );
    const t = startPty(['--cards', cards, '-n', '1'], cliEnv(testdir(), { VISUAL: editor }));
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('e edits it again');
    t.pty.write('e');
    await t.waitFor('Reloaded the card.');
    await t.waitFor('Fixed question');
    await t.waitFor(REVEAL, 2);
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});

describe('type-in mode, compared', () => {
  it('marks each word typed wrongly and each one missing, readable without colour', async () => {
    const cards = testdir({ 'a.md': cardFile('Which method?', 'stochastic gradient descent', 'id: a') });
    const t = startPty(['--cards', cards, '--type'], cliEnv(testdir()));
    await t.waitFor('Type your answer');
    t.pty.write('Stochastic gradient ascent\r\r');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('Stochastic gradient [-ascent-] {+descent+}');
    t.pty.write('3');
    expect(await t.exited).toBe(0);
  });

  it('Esc leaves typing for the keys; an edit keeps what was typed', async () => {
    const cards = deck();
    const home = testdir();
    const t = startPty(['--cards', cards, '--type'], cliEnv(home, { VISUAL: editorScript('true') }));
    await t.waitFor('Type your answer');
    t.pty.write('half typed');
    t.pty.write('\u001b');
    await t.waitFor(REVEAL);
    t.pty.write('e');
    await t.waitFor('Reloaded the card.');
    await t.waitFor('> half typed');
    t.pty.write(' and done\r\r');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('[-half typed and done-] {+Alpha answer+}');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  });
});

describe('pager keys', () => {
  const answer = Array.from({ length: 60 }, (_, i) => `- line ${i + 1}`).join('\n');

  /** A quiz on one long card, paged: the first page and its prompt on screen. */
  async function startPaging(home: string) {
    const cards = testdir({ 'long.md': cardFile('Long question', answer, 'id: long') });
    const t = startPty(['--cards', cards], cliEnv(home));
    t.pty.resize(80, 20);
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor('Space for more');
    return t;
  }

  it('rates with 1–5 while paging, without the rest', async () => {
    const home = testdir();
    const t = await startPaging(home);
    t.pty.write('4');
    expect(await t.exited).toBe(0);
    expect(t.screen()).not.toContain('line 60');
    expect(readReviewLog(home).map((e) => e.rating)).toEqual([4]);
  });

  it('q leaves the pager for the rating prompt, not the session', async () => {
    const home = testdir();
    const t = await startPaging(home);
    t.pty.write('q');
    await t.waitFor(RATE);
    t.pty.write('5');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((e) => e.rating)).toEqual([5]);
  });
});

describe('nothing to study', () => {
  it('names the study day the next card becomes available, from 04:00', () => {
    const cards = testdir({ 'a.md': cardFile('Alpha question', 'Alpha answer', 'id: alpha') });
    const home = testdir({
      'reviews.jsonl': `${JSON.stringify({ card: 'alpha', rating: 5, at: new Date().toISOString(), seconds: 2 })}\n`,
    });
    const result = runCli(['quiz', '--cards', cards], cliEnv(home));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nothing due now\. Next card due in \d+d \(\w{3},? .+, from 04:00\)\./);
  });
});
