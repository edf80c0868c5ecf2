import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, startPty, testdir } from './helpers.js';

// The conventions every command shares, through the built CLI (`npm run build` first): colour flags, the pager,
// --quiet.

const ESC = '\u001b[';

/** Forty cards: longer than the 30-row terminal of startPty. */
function longDeck(): string {
  return testdir(
    Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`card-${index}.md`, cardFile(`Question ${index}?`, 'Answer.')]),
    ),
  );
}

describe('--color and --no-color', () => {
  it('--color colours output into a pipe; --no-color wins over FORCE_COLOR', () => {
    const cards = testdir({ 'a.md': cardFile('Alpha?', 'Alpha.') });
    expect(runCli(['list', '--cards', cards], cliEnv(testdir())).stdout).not.toContain(ESC);
    const coloured = runCli(['list', '--color', '--cards', cards], cliEnv(testdir(), { NO_COLOR: '' }));
    expect(coloured.stdout).toContain(ESC);
    const plain = runCli(['--no-color', 'list', '--cards', cards], cliEnv(testdir(), { FORCE_COLOR: '1' }));
    expect(plain.stdout).not.toContain(ESC);
  });
});

describe('the pager', () => {
  it('pages output longer than the terminal through $PAGER, and not with --no-pager', async () => {
    const cards = longDeck();
    const env = cliEnv(testdir(), { PAGER: "sed 's/^/PAGED:/'" });
    const paged = startPty(['list', '--cards', cards], env);
    expect(await paged.exited).toBe(0);
    expect(paged.screen()).toContain('PAGED:new');
    const whole = startPty(['list', '--no-pager', '--cards', cards], env);
    expect(await whole.exited).toBe(0);
    expect(whole.screen()).toContain('Question 39?');
    expect(whole.screen()).not.toContain('PAGED:');
  });

  it('never pages into a pipe, nor output that fits', async () => {
    const env = cliEnv(testdir(), { PAGER: "sed 's/^/PAGED:/'" });
    expect(runCli(['list', '--cards', longDeck()], env).stdout).not.toContain('PAGED:');
    const short = startPty(['list', '--cards', testdir({ 'a.md': cardFile('Alpha?', 'Alpha.') })], env);
    expect(await short.exited).toBe(0);
    expect(short.screen()).not.toContain('PAGED:');
  });
});

describe('--quiet', () => {
  it('leaves out confirmations and warnings, keeps results and errors', () => {
    const cards = testdir({ 'a.md': cardFile('Alpha?', 'Alpha.', 'id: alpha'), 'bad.md': 'no heading here\n' });
    const env = cliEnv(testdir());
    expect(runCli(['suspend', 'alpha', '--cards', cards], env).stdout).toContain('Suspended alpha');
    const quiet = runCli(['unsuspend', 'alpha', '--quiet', '--cards', cards], env);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['list', '--quiet', '--json', '--cards', cards], env).stdout).toContain('"alpha"');
    const error = runCli(['show', 'nope', '--quiet', '--cards', cards], env);
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('error: no card "nope"');
  });
});

describe('flashdeck help <topic>', () => {
  it('explains the card format, the keys and the settings; a command name gives its help', () => {
    const env = cliEnv(testdir());
    expect(runCli(['help', 'format'], env).stdout).toContain('# What is Adam?');
    expect(runCli(['help', 'format'], env).stdout).toContain('Obsidian spaced repetition');
    expect(runCli(['help', 'keys'], env).stdout).toMatch(/!\s+suspend this card/);
    expect(runCli(['help', 'settings'], env).stdout).toMatch(/retention\s+desired retention/);
    expect(runCli(['help', 'status'], env).stdout).toContain('Usage: flashdeck status');
    expect(runCli(['help'], env).stdout).toContain('Usage: flashdeck');
  });

  it('an unknown topic is a usage error naming the topics', () => {
    const result = runCli(['help', 'nope'], cliEnv(testdir()));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('format, keys, settings');
  });
});
