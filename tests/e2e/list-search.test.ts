import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

// `list`'s search and browsing options through the built CLI (`npm run build` first).

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function setUp() {
  const cards = testdir({
    'fr/ecole.md': cardFile('Où est l’école ?', 'Dans la rue.', 'id: ecole\ntags: [lieux]'),
    'fr/cafe.md': cardFile('Le café', 'Coffee, *très* bon.', 'id: cafe\ntags: [boire, lieux]'),
    'en/sgd.md': cardFile('What is SGD?', 'Stochastic gradient descent.', 'id: sgd'),
  });
  const home = testdir({
    // Rated long ago with an interval of days: due now. `sgd` is rated today: not due.
    'reviews.jsonl': [
      { card: 'ecole', rating: 1, at: ago(30), seconds: 3 },
      { card: 'sgd', rating: 5, at: ago(0), seconds: 3 },
    ]
      .map((entry) => `${JSON.stringify(entry)}\n`)
      .join(''),
  });
  return { cards, env: cliEnv(home) };
}

const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((entry) => entry.id).sort();

describe('list --search', () => {
  it('finds question and answer text whatever its case and accents', () => {
    const { cards, env } = setUp();
    expect(ids(runCli(['list', '--cards', cards, '-s', 'ECOLE', '--json'], env).stdout)).toEqual(['ecole']);
    expect(ids(runCli(['list', '--cards', cards, '--search', 'tres bon', '--json'], env).stdout)).toEqual(['cafe']);
    expect(ids(runCli(['list', '--cards', cards, '-s', 'gradient', '--json'], env).stdout)).toEqual(['sgd']);
  });

  it('combines with the filters', () => {
    const { cards, env } = setUp();
    expect(ids(runCli(['list', '--cards', cards, '-s', 'e', '-t', 'boire', '--json'], env).stdout)).toEqual(['cafe']);
  });

  it('matching nothing says which decks and tags there are', () => {
    const { cards, env } = setUp();
    const { code, stdout } = runCli(['list', '--cards', cards, '-s', 'nowhere'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('No cards match these filters.');
    expect(stdout).toContain('Decks: en (1), fr (2)\nTags: boire (1), lieux (2)');
  });

  it('a deck that does not exist is answered the same way', () => {
    const { cards, env } = setUp();
    expect(runCli(['list', '--cards', cards, '--deck', 'de'], env).stdout).toContain('Decks: en (1), fr (2)');
  });
});

describe('list --due, --new', () => {
  it('--due: only what is due now; --new: only what was never rated', () => {
    const { cards, env } = setUp();
    expect(ids(runCli(['list', '--cards', cards, '--due', '--json'], env).stdout)).toEqual(['ecole']);
    expect(ids(runCli(['list', '--cards', cards, '--new', '--json'], env).stdout)).toEqual(['cafe']);
  });
});

describe('list --decks, --tags', () => {
  it('counts the matching cards of each deck and each tag', () => {
    const { cards, env } = setUp();
    expect(runCli(['list', '--cards', cards, '--decks'], env).stdout).toBe('1  en\n2  fr\n');
    expect(JSON.parse(runCli(['list', '--cards', cards, '--tags', '--json'], env).stdout)).toEqual([
      { tag: 'boire', cards: 1 },
      { tag: 'lieux', cards: 2 },
    ]);
    expect(JSON.parse(runCli(['list', '--cards', cards, '--decks', '--json', '-t', 'boire'], env).stdout)).toEqual([
      { deck: 'fr', cards: 1 },
    ]);
  });

  it('refuses both at once', () => {
    const { cards, env } = setUp();
    expect(runCli(['list', '--cards', cards, '--decks', '--tags'], env).code).toBe(2);
  });
});
