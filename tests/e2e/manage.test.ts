import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, readReviewLog, runCli, startPty, testdir } from './helpers.js';

// forget, suspend, unsuspend and unbury through the built CLI (`npm run build` first), against a real store: each
// only appends lines to the log, and what they do travels with `progress export` / `import`.

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

function setUp() {
  const cards = testdir({
    'bio/cell.md': cardFile('What powers the cell?', 'Mitochondria.', 'id: cell\ntags: [bio]'),
    'bio/dna.md': cardFile('What carries genes?', 'DNA.', 'id: dna\ntags: [bio]'),
    'chem/acid.md': cardFile('What is an acid?', 'A proton donor.', 'id: acid'),
  });
  const home = testdir();
  const log = [
    { card: 'cell', rating: 4, at: ago(20), seconds: 3 },
    { card: 'cell', rating: 2, at: ago(10), seconds: 3 },
    { card: 'dna', rating: 5, at: ago(10), seconds: 3 },
  ];
  const logPath = path.join(home, 'reviews.jsonl');
  writeFileSync(logPath, log.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  const env: NodeJS.ProcessEnv = { ...cliEnv(home), FLASHDECK_CARDS: cards };
  const cli = (...args: string[]) => runCli(args, env);
  return { cards, home, env, cli, readLog: () => readFileSync(logPath, 'utf8') };
}

interface Entry {
  id: string;
  reviews: number;
  due: string | null;
  suspended?: true;
}
const listed = (stdout: string) => new Map((JSON.parse(stdout) as Entry[]).map((entry) => [entry.id, entry]));

describe('flashdeck suspend / unsuspend', () => {
  it('appends a line; the card is marked in list, out of status and of a session, even with --all', async () => {
    const { cli, env, home, cards, readLog } = setUp();
    const before = readLog();
    expect(cli('suspend', 'cell')).toMatchObject({ code: 0, stdout: expect.stringContaining('Suspended cell') });
    expect(readLog().startsWith(before)).toBe(true);
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'cell', suspend: true });
    expect(listed(cli('list', '--json').stdout).get('cell')?.suspended).toBe(true);
    expect(listed(cli('list', '--json').stdout).get('dna')?.suspended).toBeUndefined();
    expect(cli('list').stdout).toMatch(/^suspended\s+2 cell/m);
    expect([...listed(cli('list', '--suspended', '--json').stdout).keys()]).toEqual(['cell']);
    expect([...listed(cli('list', '--due', '--json').stdout).keys()]).toEqual(['dna']);
    expect(JSON.parse(cli('status', '--json').stdout)).toMatchObject({ due: 1 });
    expect(JSON.parse(cli('stats', '--json').stdout)).toMatchObject({ cards: 3, suspended: 1 });
    expect(JSON.parse(cli('show', 'cell', '--json').stdout)).toMatchObject({ status: 'suspended' });

    const session = startPty(['--all', '--cards', cards], env);
    await session.waitFor('2 cards from');
    expect(session.screen()).not.toContain('What powers the cell?');
    session.pty.write('q');
    expect(await session.exited).toBe(0);

    expect(cli('unsuspend', 'cell').stdout).toContain('Unsuspended cell');
    expect(listed(cli('list', '--json').stdout).get('cell')?.suspended).toBeUndefined();
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'cell', unsuspend: true });
  }, 30_000);

  it('says so when there is nothing to change, and writes nothing', () => {
    const { cli, readLog } = setUp();
    const before = readLog();
    expect(cli('unsuspend', 'cell').stdout).toBe('Nothing to unsuspend: not suspended.\n');
    expect(readLog()).toBe(before);
  });

  it('by filter: asks first, so a script must pass --yes', () => {
    const { cli, readLog } = setUp();
    const before = readLog();
    const refused = cli('suspend', '--deck', 'bio');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(readLog()).toBe(before);
    expect(cli('suspend', '--deck', 'bio', '--yes').stdout).toContain('Suspended 2 cards');
    expect([...listed(cli('list', '--suspended', '--json').stdout).keys()].sort()).toEqual(['cell', 'dna']);
  });

  it('an unknown id exits 1 naming the closest, and writes nothing', () => {
    const { cli, readLog } = setUp();
    const before = readLog();
    const result = cli('suspend', 'dna', 'cel');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no card "cel"; closest: cell/);
    expect(readLog()).toBe(before);
  });
});

describe('flashdeck forget', () => {
  it('makes a card new again by appending a forget line; --undo brings its history back', () => {
    const { cli, readLog } = setUp();
    const before = readLog();
    expect(cli('forget', 'cell').stdout).toContain('Forgot cell');
    expect(readLog().startsWith(before)).toBe(true);
    expect(listed(cli('list', '--json').stdout).get('cell')).toMatchObject({ reviews: 0, due: null });
    const shown = JSON.parse(cli('show', 'cell', '--json').stdout) as { status: string; reviews: { status: string }[] };
    expect(shown.status).toBe('new');
    expect(shown.reviews.map((review) => review.status)).toEqual(['forgotten', 'forgotten']);

    const forgotten = readLog();
    expect(cli('forget', '--undo').stdout).toContain('Undid the forget of cell');
    expect(readLog().startsWith(forgotten)).toBe(true);
    expect(listed(cli('list', '--json').stdout).get('cell')).toMatchObject({ reviews: 2 });
    expect(cli('forget', '--undo').stdout).toBe('Nothing to undo: no forget is in force.\n');
  });

  it('by filter with --yes forgets every rated card the filters match', () => {
    const { cli } = setUp();
    expect(cli('forget', '-t', 'bio', '--yes').stdout).toContain('Forgot 2 cards');
    expect(cli('status', '--json').stdout).toContain('"due":0');
    expect(cli('list', '--new', '--json').stdout.match(/"id"/g)).toHaveLength(3);
  });

  it('a card never rated is new already: nothing written', () => {
    const { cli, readLog } = setUp();
    const before = readLog();
    expect(cli('forget', 'acid').stdout).toBe('Nothing to forget: these cards are new already.\n');
    expect(readLog()).toBe(before);
  });
});

describe('forget and suspend travel between stores', () => {
  it('survive progress export and import into another store', () => {
    const { cli, cards } = setUp();
    cli('forget', 'cell');
    cli('suspend', 'dna');
    const exported = cli('progress', 'export').stdout;
    const other = { ...cliEnv(testdir()), FLASHDECK_CARDS: cards };
    const file = path.join(testdir({ 'progress.jsonl': exported }), 'progress.jsonl');
    expect(runCli(['progress', 'import', file], other).code).toBe(0);
    const entries = listed(runCli(['list', '--json'], other).stdout);
    expect(entries.get('cell')).toMatchObject({ reviews: 0, due: null });
    expect(entries.get('dna')).toMatchObject({ reviews: 1, suspended: true });
  });
});

describe('flashdeck unbury', () => {
  it('brings every buried card back, or those named, with lines appended', () => {
    const { cli, home, readLog } = setUp();
    const tomorrow = new Date(Date.now() + DAY).toISOString();
    const bury = (card: string) => `${JSON.stringify({ card, bury: tomorrow, at: new Date().toISOString() })}\n`;
    writeFileSync(path.join(home, 'reviews.jsonl'), readLog() + bury('cell') + bury('acid'));
    expect(JSON.parse(cli('show', 'cell', '--json').stdout)).toMatchObject({ status: 'buried' });
    const before = readLog();
    expect(cli('unbury', 'acid').stdout).toContain('Unburied acid');
    expect(readLog().startsWith(before)).toBe(true);
    expect(JSON.parse(cli('show', 'acid', '--json').stdout)).toMatchObject({ status: 'new' });
    expect(JSON.parse(cli('show', 'cell', '--json').stdout)).toMatchObject({ status: 'buried' });
    expect(cli('unbury').stdout).toContain('Unburied cell');
    expect(JSON.parse(cli('show', 'cell', '--json').stdout)).toMatchObject({ status: 'due' });
    expect(cli('unbury').stdout).toBe('Nothing to unbury: no card is buried.\n');
  });
});

describe('the quiz key !', () => {
  it('suspends the card shown, with a suspend line; u takes it back', async () => {
    const { env, home, cards } = setUp();
    const session = startPty(['--cards', cards], env);
    await session.waitFor('What powers the cell?');
    await session.waitFor('Space shows the answer');
    session.pty.write('!');
    await session.waitFor('Suspended');
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'cell', suspend: true });
    await session.waitFor('Space shows the answer', 2);
    session.pty.write('u');
    await session.waitFor('Took back the suspension');
    expect(readReviewLog(home).at(-1)).toMatchObject({ card: 'cell', unsuspend: true });
    session.pty.write('!');
    await session.waitFor('Suspended', 2);
    session.pty.write('q');
    expect(await session.exited).toBe(0);
    expect(JSON.parse(runCli(['show', 'cell', '--json'], env).stdout)).toMatchObject({ status: 'suspended' });
  }, 30_000);
});
