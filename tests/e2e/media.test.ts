import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, RATE, readReviewLog, REVEAL, startPty, testdir } from './helpers.js';

/** A stand-in for an image viewer: appends the argument it was given to `out`. */
function recordingOpener(dir: string, out: string): string {
  const file = path.join(dir, 'record-open.sh');
  writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$1" >> "${out}"\n`);
  chmodSync(file, 0o755);
  return file;
}

async function waitForLines(file: string, count: number): Promise<string[]> {
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length >= count) return lines;
  }
  throw new Error(`${file} never got ${count} lines`);
}

describe('math in the quiz', () => {
  it('shows every formula as Unicode: no LaTeX command reaches the screen', async () => {
    const cards = testdir({
      'sums.md': cardFile(
        'What is $\\sum_{i=1}^{n} x_i^2$ when $\\alpha \\le \\beta$?',
        '$$\\frac{\\alpha}{\\beta} \\ne \\gamma_1$$\n\nAnd \\(x \\to \\infty\\) makes it $\\theta^2 \\ge 0$.',
      ),
      'softmax.md': readFileSync('tests/fixtures/math/softmax.md', 'utf8'),
    });
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home));
    for (let shown = 1; shown <= 3; shown += 1) {
      await t.waitFor(REVEAL, shown);
      t.pty.write(' ');
      await t.waitFor(RATE, shown);
      t.pty.write('4');
    }
    expect(await t.exited).toBe(0);
    const screen = t.screen();
    expect(screen).toContain('∑ᵢ₌₁ⁿ xᵢ²');
    expect(screen).toContain('α ≤ β');
    expect(screen).toContain('α⁄β ≠ γ₁');
    expect(screen).toContain('x → ∞');
    expect(screen).toContain('ŷᵢ =');
    expect(screen).not.toMatch(/\\[A-Za-z]+|\\[()[\]]|\$/);
    expect(readReviewLog(home)).toHaveLength(3);
  }, 30_000);
});

describe('pictures in the quiz', () => {
  it('names a picture where it stands; o opens it with $FLASHDECK_OPEN by its absolute path, and the quiz goes on', async () => {
    const cards = testdir({
      'geo/france.md': cardFile('Which country is this? ![outline map](maps/outline.png)', 'France'),
    });
    mkdirSync(path.join(cards, 'geo/maps'));
    copyFileSync('tests/fixtures/media/gradient.png', path.join(cards, 'geo/maps/outline.png'));
    const work = testdir();
    const out = path.join(work, 'opened.txt');
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home, { FLASHDECK_OPEN: recordingOpener(work, out) }));
    await t.waitFor(REVEAL);
    expect(t.screen()).toContain('Which country is this? [image: outline map]');
    t.pty.write('o');
    const picture = path.join(cards, 'geo/maps/outline.png');
    expect(await waitForLines(out, 1)).toEqual([picture]);
    await t.waitFor('Opening outline map');
    t.pty.write(' ');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('France');
    t.pty.write('o');
    expect(await waitForLines(out, 2)).toEqual([picture, picture]);
    t.pty.write('5');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home).map((line) => line.rating)).toEqual([5]);
  }, 30_000);

  it('p plays the sounds only, by their absolute paths, and the next card follows', async () => {
    const cards = testdir({
      'fr/bonjour.md': cardFile('Say hello [sound:bonjour.mp3]', '![flag](flag.png) [slower](audio/bonjour-slow.ogg)'),
      'fr/merci.md': cardFile('Say thanks', 'Merci'),
      'fr/bonjour.mp3': 'ID3',
      'fr/audio/bonjour-slow.ogg': 'OggS',
    });
    const work = testdir();
    const out = path.join(work, 'played.txt');
    const t = startPty(['--cards', cards], cliEnv(testdir(), { FLASHDECK_OPEN: recordingOpener(work, out) }));
    await t.waitFor(REVEAL);
    expect(t.screen()).toContain('Say hello [sound: bonjour.mp3]');
    t.pty.write(' ');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('[image: flag] [sound: slower]');
    t.pty.write('p');
    // Both start at once, so either may write first.
    expect((await waitForLines(out, 2)).sort()).toEqual(
      [path.join(cards, 'fr/bonjour.mp3'), path.join(cards, 'fr/audio/bonjour-slow.ogg')].sort(),
    );
    t.pty.write('3');
    await t.waitFor('Say thanks');
    t.pty.write('q');
    expect(await t.exited).toBe(0);
  }, 30_000);

  it('says a picture is missing; the system opener is not run for it, $FLASHDECK_OPEN still is', async () => {
    const cards = testdir({ 'heart.md': cardFile('Name the chamber', '![](gone.png)') });
    const work = testdir();
    const out = path.join(work, 'opened.txt');
    // xdg-open (or open) as the only program on PATH: a stand-in that records what it is asked to open.
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    copyFileSync(recordingOpener(work, out), path.join(bin, process.platform === 'darwin' ? 'open' : 'xdg-open'));
    chmodSync(path.join(bin, process.platform === 'darwin' ? 'open' : 'xdg-open'), 0o755);
    const env = { PATH: bin, KITTY_WINDOW_ID: '', TERM_PROGRAM: '', LC_TERMINAL: '', FLASHDECK_OPEN: '' };
    const t = startPty(['--cards', cards], cliEnv(testdir(), env));
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor(RATE);
    expect(t.screen()).toContain('[image: gone.png]');
    t.pty.write('o');
    await t.waitFor('gone.png is missing');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(out)).toBe(false);
    expect(t.raw()).not.toMatch(/\u001b_G|\u001b\]1337/);
    t.pty.write('q');
    expect(await t.exited).toBe(0);

    const custom = startPty(
      ['--cards', cards],
      cliEnv(testdir(), { ...env, FLASHDECK_OPEN: recordingOpener(work, out) }),
    );
    await custom.waitFor(REVEAL);
    custom.pty.write(' ');
    await custom.waitFor(RATE);
    custom.pty.write('o');
    expect(await waitForLines(out, 1)).toEqual([path.join(cards, 'gone.png')]);
    custom.pty.write('q');
    expect(await custom.exited).toBe(0);
  }, 30_000);

  it('draws a picture inline with the kitty graphics protocol in kitty, and not when images is off', async () => {
    const cards = testdir({ 'dot.md': cardFile('Which picture?', '![gradient](gradient.png)') });
    copyFileSync('tests/fixtures/media/gradient.png', path.join(cards, 'gradient.png'));
    const base64 = readFileSync('tests/fixtures/media/gradient.png').toString('base64');
    const home = testdir();
    const t = startPty(['--cards', cards], cliEnv(home, { KITTY_WINDOW_ID: '1', TMUX: '' }));
    await t.waitFor(REVEAL);
    t.pty.write(' ');
    await t.waitFor(RATE);
    expect(t.raw()).toContain(`\u001b_Ga=T,f=100,q=2,c=4,r=1,m=0;${base64}\u001b\\`);
    t.pty.write('q');
    expect(await t.exited).toBe(0);

    const off = startPty(['config', 'set', 'images', 'off'], cliEnv(home));
    expect(await off.exited).toBe(0);
    const again = startPty(['--cards', cards, '--all'], cliEnv(home, { KITTY_WINDOW_ID: '1', TMUX: '' }));
    await again.waitFor(REVEAL);
    again.pty.write(' ');
    await again.waitFor(RATE);
    expect(again.screen()).toContain('[image: gradient]');
    expect(again.raw()).not.toContain('\u001b_G');
    again.pty.write('q');
    expect(await again.exited).toBe(0);
  }, 30_000);
});
