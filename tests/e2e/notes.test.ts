import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, RATE, readReviewLog, REVEAL, revealAndRate, runCli, startPty, testdir } from './helpers.js';

// One note with three deletions, one with two, a reversed vocabulary note: seven cards in three notes.
const NOTES = {
  'geo/capitals.md':
    '---\ntags: [geo]\n---\nThe capital of {{c1::France}} is {{c2::Paris}}, on the {{c3::Seine::river}}.\n',
  'bio/atp.md': '# Cells\n\n{{c1::ATP}} is made in the {{c2::mitochondria}}.\n',
  'de/hund.md': '---\nreverse: true\n---\n# der Hund\n\nthe dog\n',
};

interface ListEntry {
  id: string;
  note: string;
  kind: string;
  line: number;
  reviews: number;
  lastRating: number | null;
}

function list(cards: string, home: string): ListEntry[] {
  const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ListEntry[];
}

describe('notes that yield several cards', () => {
  it('lists each card with its note, kind and line', () => {
    const cards = testdir(NOTES);
    const entries = list(cards, testdir());
    expect(entries.map(({ id, note, kind, line }) => [id, note, kind, line])).toEqual([
      ['bio/atp#c1', 'bio/atp', 'cloze', 1],
      ['bio/atp#c2', 'bio/atp', 'cloze', 1],
      ['de/hund', 'de/hund', 'basic', 4],
      ['de/hund#reverse', 'de/hund', 'reversed', 4],
      ['geo/capitals#c1', 'geo/capitals', 'cloze', 4],
      ['geo/capitals#c2', 'geo/capitals', 'cloze', 4],
      ['geo/capitals#c3', 'geo/capitals', 'cloze', 4],
    ]);
    const stats = JSON.parse(runCli(['stats', '--json', '--cards', cards], cliEnv(testdir())).stdout);
    expect(stats.cards).toBe(7);
  });

  it.each([40, 80])('quizzes one card of each note a day, hides and reveals deletions, at %i columns', async (cols) => {
    const cards = testdir(NOTES);
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home, { NO_COLOR: '1' }), cols);
    // Siblings wait: three notes, three cards.
    await t.waitFor('1/3');
    await t.waitFor(REVEAL);
    expect(t.screen()).toContain('Cells');
    expect(t.screen()).toMatch(/\[…\]\s+is\s+made\s+in\s+the\s+mitochondria\./);
    t.pty.write(' ');
    // Without colour the revealed deletion reads in brackets.
    await t.waitFor('[ATP]');
    await t.waitFor(RATE);
    t.pty.write('4');
    await t.waitFor('2/3');
    await revealAndRate(t, 2, '5');
    await t.waitFor('3/3');
    await t.waitFor(REVEAL, 3);
    expect(t.screen()).toMatch(/The\s+capital\s+of\s+\[…\]\s+is\s+Paris,\s+on\s+the\s+Seine\./);
    t.pty.write(' ');
    await t.waitFor(RATE, 3);
    t.pty.write('3');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((line) => [line.card, line.rating])).toEqual([
      ['bio/atp#c1', 4],
      ['de/hund', 5],
      ['geo/capitals#c1', 3],
    ]);
    // The rest wait for the next study day.
    const again = runCli(['--cards', cards], cliEnv(home));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing due now\. Next card due/m);
  });

  it('shows every sibling with --all, never two of one note in a row', async () => {
    const cards = testdir(NOTES);
    const home = testdir();
    const t = startPty(['--cards', cards, '--all'], cliEnv(home));
    for (let card = 1; card <= 7; card += 1) await revealAndRate(t, card, '4');
    expect(await t.exited).toBe(0);
    const notes = readReviewLog(home).map((line) => line.card.replace(/#.*/, ''));
    expect(notes).toHaveLength(7);
    notes.slice(1).forEach((note, index) => expect(note).not.toBe(notes[index]));
  });

  it('keeps a rated card’s history through a typo fix and a deletion inserted before it', async () => {
    const cards = testdir(NOTES);
    const home = testdir();
    const t = startPty(['--cards', cards, '--deck', 'geo'], cliEnv(home));
    await revealAndRate(t, 1, '5');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home)).toMatchObject([{ card: 'geo/capitals#c1', rating: 5, text: 'France' }]);

    // A typo fixed elsewhere: same ids, same history.
    const file = path.join(cards, 'geo/capitals.md');
    writeFileSync(
      file,
      '---\ntags: [geo]\n---\nThe capital of {{c1::France}} is {{c2::Paris}}, on the {{c3::Seine::river}}!\n',
    );
    expect(list(cards, home).find((entry) => entry.id === 'geo/capitals#c1')).toMatchObject({
      reviews: 1,
      lastRating: 5,
    });

    // A new deletion takes number 1 (and a typo in the rated one): the rated card is c2 now, and its history follows.
    writeFileSync(
      file,
      '---\ntags: [geo]\n---\nThe {{c1::capital}} of {{c2::Frence}} is {{c3::Paris}}, on the {{c4::Seine::river}}!\n',
    );
    const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
    expect(result.stderr).toContain('geo/capitals#c1 is now geo/capitals#c2');
    const byId = new Map((JSON.parse(result.stdout) as ListEntry[]).map((entry) => [entry.id, entry]));
    expect(byId.get('geo/capitals#c2')).toMatchObject({ reviews: 1, lastRating: 5 });
    expect(byId.get('geo/capitals#c1')).toMatchObject({ reviews: 0, lastRating: null });
    // Said once: the rename is in the log.
    expect(runCli(['list', '--cards', cards], cliEnv(home)).stderr).toBe('');
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'geo/capitals#c2', renamed: 'geo/capitals#c1' });
  });

  it('reports an unclosed deletion at its line', () => {
    const cards = testdir({ ...NOTES, 'broken.md': '# Broken\n\nfine {{c1::yes}}\nthen {{c2::never closed\n' });
    const result = runCli(['lint', '--cards', cards], cliEnv(testdir()));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('broken.md:4: unclosed cloze deletion {{c2::never closed');
  });
});
