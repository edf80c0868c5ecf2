import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cardFile, cliEnv, runCli, startPtyCommand, testdir } from './helpers.js';

// Completion through the built CLI (`npm run build` first): the words the scripts ask for, and a real bash that
// sources the script and completes in a pseudo-terminal.

function setUp() {
  const cards = testdir({
    'bio/cell.md': cardFile('What powers the cell?', 'Mitochondria.', 'id: cell-power\ntags: [biology, energy]'),
    'chem/acid.md': cardFile('What is an acid?', 'A proton donor.', 'id: acid\ntags: [chemistry]'),
  });
  const env: NodeJS.ProcessEnv = { ...cliEnv(testdir()), FLASHDECK_CARDS: cards };
  return { cards, env };
}

const words = (env: NodeJS.ProcessEnv, ...typed: string[]) => {
  const { code, stdout } = runCli(['__complete', '--', ...typed], env);
  expect(code).toBe(0);
  return stdout.split('\n').filter(Boolean);
};

describe('the words completion offers', () => {
  it('commands, options and setting names', () => {
    const { env } = setUp();
    expect(words(env, 'st')).toEqual(['stats', 'status']);
    expect(words(env, 'quiz', '--li')).toEqual(['--limit']);
    expect(words(env, 'config', 'set', 're')).toEqual(['retention', 'reviews-per-day']);
    expect(words(env, 'config', 'get', 'p')).toEqual(['parameters']);
    expect(words(env, 'completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });

  it('decks, tags and card ids from the cards folder, --cards included', () => {
    const { cards, env } = setUp();
    expect(words(env, 'list', '--deck', '')).toEqual(['bio', 'chem']);
    expect(words(env, 'stats', '-t', 'biology,e')).toEqual(['biology,energy']);
    expect(words(env, 'show', 'c')).toEqual(['cell-power']);
    const other = cliEnv(testdir());
    expect(words(other, 'show', '--cards', cards, 'a')).toEqual(['acid']);
    expect(words(other, '--cards', cards, 'show', 'a')).toEqual(['acid']);
  });

  it('nothing for a folder (the shell completes those), and nothing from a folder that is none', () => {
    const { env } = setUp();
    expect(words(env, 'list', '--cards', '')).toEqual([]);
    expect(words(env, 'show', '--cards', '/nowhere/at/all', '')).toEqual([]);
  });

  it('refuses a shell it has no script for', () => {
    const { env } = setUp();
    expect(runCli(['completion', 'tcsh'], env).code).toBe(2);
  });
});

describe('bash completion', () => {
  it('sourced in bash, completes commands, options and setting names', async () => {
    const { env } = setUp();
    const bin = testdir();
    symlinkSync(BIN, path.join(bin, 'flashdeck'));
    const shell = startPtyCommand(
      'bash',
      ['--norc', '--noprofile', '-i'],
      { ...env, PATH: `${bin}:${path.dirname(process.execPath)}:${env.PATH ?? ''}`, PS1: 'READY$ ', HISTFILE: '' },
      100,
    );
    await shell.waitFor('READY$');
    // Choices listed at the first Tab, so the test need not time a second one.
    shell.pty.write('bind "set show-all-if-ambiguous on"; source <(flashdeck completion bash); echo SOURCED\r');
    await shell.waitFor('SOURCED', 2);
    shell.pty.write('flashdeck st\t');
    await shell.waitFor('status');
    expect(shell.screen()).toMatch(/stats\s+status/);
    shell.pty.write('\u0015flashdeck quiz --li\t');
    await shell.waitFor('--limit');
    shell.pty.write('\u0015flashdeck config set re\t');
    await shell.waitFor('reviews-per-day');
    expect(shell.screen()).toMatch(/retention\s+reviews-per-day/);
    shell.pty.write('\u0015exit\r');
    expect(await shell.exited).toBe(0);
  }, 30_000);
});
