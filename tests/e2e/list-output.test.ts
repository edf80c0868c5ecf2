import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, startPty, testdir } from './helpers.js';

// `flashdeck list` as people read it: fitted to a terminal, whole lines into a pipe.

const LONG_QUESTION = `Why does ${'a rather long question about learning rates and schedules '.repeat(3).trim()} end here?`;
const LONG_ID = `decks/${'very-long-folder-name/'.repeat(3)}card`;

function deck(): string {
  return testdir({
    'long.md': cardFile(LONG_QUESTION, 'Because.', `id: ${LONG_ID}\ndifficulty: hard`),
    'short.md': cardFile('Short?', 'Yes.'),
  });
}

describe('flashdeck list', () => {
  it('into a pipe prints one whole line per card, whatever COLUMNS says', () => {
    const result = runCli(['list', '--cards', deck()], cliEnv(testdir(), { COLUMNS: '40' }));
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${LONG_ID} ${LONG_QUESTION} 🚀`);
    expect(result.stdout).not.toContain('…');
  });

  it.each([60, 120])('on a terminal %i columns wide fits every line to it', async (columns) => {
    const t = startPty(['list', '--cards', deck()], cliEnv(testdir()), columns);
    await t.waitFor('2 cards');
    expect(await t.exited).toBe(0);
    const lines = t.screen().split(/\r?\n/);
    expect(lines.some((line) => line.includes('Short?'))).toBe(true);
    expect(lines.some((line) => line.includes('…'))).toBe(true);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  });
});
