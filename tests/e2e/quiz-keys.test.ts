import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(Object.keys(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')).buried)).toEqual(['alpha']);
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

  it('lists every key on ?', async () => {
    const t = startPty(['--cards', deck()], cliEnv(testdir()));
    await t.waitFor(REVEAL);
    t.pty.write('?');
    await t.waitFor('bury this card until tomorrow');
    for (const text of ['show the answer', 'undo the last rating', 'edit this card', 'skip this card', 'end the session']) {
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
