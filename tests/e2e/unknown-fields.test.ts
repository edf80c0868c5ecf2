import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// A misspelt frontmatter field, as the built CLI reports it: the card still loads, and `lint` fails.

const TYPO = cardFile('Which tags?', 'None, by mistake.', 'id: typo\ntag: [grammar]\ndificulty: hard');

describe('misspelt frontmatter fields', () => {
  it('list warns about them on every run, cached or not, and still lists the card', () => {
    const cards = testdir({ 'typo.md': TYPO, 'good.md': cardFile('Fine?', 'Yes.', 'tags: [x]\ncreated: 2024-01-02') });
    const home = testdir();
    for (let run = 0; run < 2; run += 1) {
      const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
      expect(result.code).toBe(0);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual([
        'warning: typo.md:3: unknown field "tag" (did you mean "tags"?)',
        'warning: typo.md:4: unknown field "dificulty" (did you mean "difficulty"?)',
      ]);
      expect((JSON.parse(result.stdout) as { id: string }[]).map((card) => card.id)).toEqual(['good', 'typo']);
    }
  });

  it('lint reports them as problems and exits 1', () => {
    const result = runCli(['lint', '--cards', testdir({ 'typo.md': TYPO })], cliEnv(testdir()));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'typo.md:3: unknown field "tag" (did you mean "tags"?)\ntypo.md:4: unknown field "dificulty" (did you mean "difficulty"?)\n',
    );
    expect(result.stderr).toBe('2 problems in 1 card file\n');
  });
});
