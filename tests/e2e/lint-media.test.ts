import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

describe('lint on pictures, sounds and formulas', () => {
  it('reports missing media files and unbalanced math delimiters with their lines; exit 1', () => {
    const cards = testdir({
      'anatomy/heart.md': cardFile(
        'Which chamber?',
        'Left ventricle.\n\n![diagram](img/heart.png)\n\n![gone](img/valve.png)',
      ),
      'words/bonjour.md': cardFile('Say hello', 'Bonjour [sound:bonjour.mp3]\n\n[again](audio/salut.ogg)'),
      'math/open.md': cardFile('What is the sum?', 'It is\n\n$$\n\\sum_i x_i\n\nand more'),
      'math/fine.md': cardFile('Costs?', 'It costs $5 and $10, and $\\alpha$ is fine; \\(x\\) too.'),
      'web.md': cardFile('A remote picture', '![logo](https://example.com/logo.png)'),
    });
    mkdirSync(path.join(cards, 'anatomy/img'));
    copyFileSync('tests/fixtures/media/gradient.png', path.join(cards, 'anatomy/img/heart.png'));
    const result = runCli(['lint', '--cards', cards], cliEnv(testdir()));
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'anatomy/heart.md:7: image file not found: img/valve.png',
      'math/open.md:5: $$ opens a formula that is never closed',
      'words/bonjour.md:3: sound file not found: bonjour.mp3',
      'words/bonjour.md:5: sound file not found: audio/salut.ogg',
    ]);
    expect(result.stderr).toContain('4 problems in');
  });

  it('passes a deck whose pictures and sounds are all there', () => {
    const cards = testdir({ 'fr/bonjour.md': cardFile('Say hello', '[sound:bonjour.mp3] ![flag](flag.png)') });
    copyFileSync('tests/fixtures/media/gradient.png', path.join(cards, 'fr/flag.png'));
    copyFileSync('tests/fixtures/media/gradient.png', path.join(cards, 'fr/bonjour.mp3'));
    const result = runCli(['lint', '--cards', cards], cliEnv(testdir()));
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });
});
