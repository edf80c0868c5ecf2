import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardFile, cliEnv, readReviewLog, revealAndRate, runCli, startPty, testdir } from './helpers.js';

const COLLECTIONS = path.resolve('tests/fixtures/collections');

interface ListEntry {
  id: string;
  path: string;
  note: string;
  kind: string;
  deck: string;
  line: number;
  question: string;
  reviews: number;
  lastRating: number | null;
  due: string | null;
}

function list(cards: string, home: string): ListEntry[] {
  const result = runCli(['list', '--json', '--cards', cards], cliEnv(home));
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ListEntry[];
}

/** A vault (an `.obsidian` folder at its root) holding the real Obsidian notes and a note without cards. */
function vault(): string {
  const root = testdir({ 'daily/2026-12-01.md': '# Tuesday\n\nMet Ana; read two chapters.\n' });
  mkdirSync(path.join(root, '.obsidian'));
  cpSync(path.join(COLLECTIONS, 'obsidian-sr'), path.join(root, 'notes'), { recursive: true });
  return root;
}

describe('an Obsidian vault, read in place', () => {
  it('gives the cards of its notes (as the plugin counts them), decks from tags, and nothing for other notes', () => {
    const root = vault();
    const entries = list(root, testdir());
    // 8 + 6 + 5 + 1 cards (tests/fixtures/collections/SOURCES.md); the daily note and the untagged notes give none.
    expect(entries).toHaveLength(20);
    const byFile = (name: string) => entries.filter((entry) => entry.id.startsWith(`notes/${name}#`));
    expect(byFile('LavoniDK-Datalogi-AU-Flashcards-discrete-math').map((entry) => entry.kind)).toEqual([
      ...Array(6).fill('basic'),
      'cloze',
      'basic',
    ]);
    expect(byFile('LavoniDK-Datalogi-AU-Flashcards-discrete-math')[0]).toMatchObject({
      deck: 'DiscreteMath/Logic',
      line: 6,
      question: 'What is a logical proposition?',
    });
    expect(byFile('LavoniDK-Datalogi-AU-Flashcards-hci')).toHaveLength(6);
    expect(entries.some((entry) => entry.id.startsWith('daily/'))).toBe(false);
    const lint = runCli(['lint', '--cards', root], cliEnv(testdir()));
    expect(lint).toMatchObject({ code: 0, stderr: expect.stringContaining('all 20 cards valid') });
    // The notes are never written to.
    expect(readFileSync(path.join(root, 'notes/LavoniDK-Datalogi-AU-Flashcards-hci.md'))).toEqual(
      readFileSync(path.join(COLLECTIONS, 'obsidian-sr/LavoniDK-Datalogi-AU-Flashcards-hci.md')),
    );
  });

  it('keeps a rated card’s history through a typo fixed in its question and cards added above it', async () => {
    const root = testdir({
      '.obsidian/app.json': '{}',
      'bio.md': '#flashcards/biology\n\nWhat makes ATP::the mitochondria\nWhat is DNA::a molecule\n',
    });
    const home = testdir();
    const t = startPty(['--cards', root, '-n', '1'], cliEnv(home));
    await revealAndRate(t, 1, '5');
    expect(await t.exited).toBe(0);
    expect(readReviewLog(home)).toMatchObject([{ card: 'bio#what-makes-atp', rating: 5, text: 'What makes ATP' }]);

    writeFileSync(
      path.join(root, 'bio.md'),
      '#flashcards/biology\n\nWhat is RNA::a molecule too\nWhat make ATP?::the mitochondria\nWhat is DNA::a molecule\n',
    );
    const result = runCli(['list', '--json', '--cards', root], cliEnv(home));
    expect(result.stderr).toContain('bio#what-makes-atp is now bio#what-make-atp');
    const entries = JSON.parse(result.stdout) as ListEntry[];
    expect(entries.find((entry) => entry.id === 'bio#what-make-atp')).toMatchObject({ reviews: 1, line: 4 });
    expect(entries.find((entry) => entry.id === 'bio#what-is-rna')).toMatchObject({ reviews: 0 });

    // The file renamed in its folder: the card's history follows it again.
    renameSync(path.join(root, 'bio.md'), path.join(root, 'biology.md'));
    const renamed = runCli(['list', '--json', '--cards', root], cliEnv(home));
    expect(renamed.stderr).toContain('bio#what-make-atp is now biology#what-make-atp');
    const after = JSON.parse(renamed.stdout) as ListEntry[];
    expect(after.find((entry) => entry.id === 'biology#what-make-atp')).toMatchObject({ reviews: 1 });
    expect(after.find((entry) => entry.id === 'biology#what-is-rna')).toMatchObject({ reviews: 0 });
  });
});

describe('schedules kept by another tool', () => {
  const note = (schedule: string) =>
    `#flashcards\n\nWhat makes ATP::the mitochondria\n${schedule}\n\nWhat is DNA::a molecule\n`;

  it('a card with an Obsidian <!--SR:--> comment starts due that day; the comment going or changing is followed', () => {
    const root = testdir({ '.obsidian/app.json': '{}', 'bio.md': note('<!--SR:!2031-05-20,40,270-->') });
    const home = testdir();
    const due = (entries: ListEntry[], id: string) => entries.find((entry) => entry.id === id)?.due;
    const first = list(root, home);
    expect(new Date(due(first, 'bio#what-makes-atp') ?? '')).toEqual(new Date(2031, 4, 20, 4));
    expect(due(first, 'bio#what-is-dna')).toBeNull();
    // Not rated here yet: no rating of flashdeck's to show.
    expect(first.find((entry) => entry.id === 'bio#what-makes-atp')).toMatchObject({ reviews: 0, lastRating: null });
    expect(readReviewLog(home)).toMatchObject([
      { card: 'bio#what-makes-atp', schedule: { due: '2031-05-20', interval: 40, ease: 270 } },
    ]);
    // Read again: nothing more is logged. The comment removed: the schedule stays, from the log.
    writeFileSync(path.join(root, 'bio.md'), note(''));
    expect(new Date(due(list(root, home), 'bio#what-makes-atp') ?? '')).toEqual(new Date(2031, 4, 20, 4));
    expect(readReviewLog(home)).toHaveLength(1);
    // Studied on in Obsidian: its newer schedule is carried over too.
    writeFileSync(path.join(root, 'bio.md'), note('<!--SR:!2031-09-01,100,290-->'));
    expect(new Date(due(list(root, home), 'bio#what-makes-atp') ?? '')).toEqual(new Date(2031, 8, 1, 4));
    // progress export carries the schedule to another store.
    const exported = runCli(['progress', 'export'], cliEnv(home)).stdout;
    const other = testdir({ 'progress.jsonl': `${exported}\n` });
    expect(runCli(['progress', 'import', path.join(other, 'progress.jsonl')], cliEnv(other)).code).toBe(0);
    writeFileSync(path.join(root, 'bio.md'), note(''));
    expect(new Date(due(list(root, other), 'bio#what-makes-atp') ?? '')).toEqual(new Date(2031, 8, 1, 4));
  });
});

describe('hashcards, repeater and mdanki decks, read in place', () => {
  it('gives every card of the real decks, each file recognised from its content', () => {
    const root = testdir();
    for (const format of ['hashcards', 'mdanki'])
      cpSync(path.join(COLLECTIONS, format), path.join(root, format), { recursive: true });
    const result = runCli(['list', '--json', '--cards', root], cliEnv(testdir()));
    expect(result.code).toBe(0);
    // The one `C:` that hides nothing is a problem, said on stderr; the cards around it count.
    expect(result.stderr).toContain('shaankhosla-repeater-test.md:38: This C: card hides nothing');
    const entries = JSON.parse(result.stdout) as ListEntry[];
    const count = (prefix: string, kind?: string) =>
      entries.filter((entry) => entry.id.startsWith(prefix) && (!kind || entry.kind === kind)).length;
    // SOURCES.md: LinearAlgebra 6 basic and 6 deletions, Math 4 and 5, vim 10, behavior 2 (kept as written).
    expect(count('hashcards/cocosberlucens-hashcards-deck-LinearAlgebra#', 'basic')).toBe(6);
    expect(count('hashcards/cocosberlucens-hashcards-deck-LinearAlgebra#', 'cloze')).toBe(6);
    expect(count('hashcards/eudoxia0-hashcards-Math#', 'cloze')).toBe(5);
    expect(count('hashcards/zchrysaylor-hashcards-decks-vim#')).toBe(10);
    expect(count('hashcards/zchrysaylor-hashcards-decks-behavior#')).toBe(2);
    // mdanki: one card per `## ` section with an answer.
    expect(count('mdanki/ashlinchak-mdanki-simple#')).toBe(4);
    expect(count('mdanki/mohanmca-MohanLearningGround-Python_Kavin_Anki#')).toBe(10);
    expect(count('mdanki/')).toBe(20);
    expect(entries).toHaveLength(63);
    const lint = runCli(['lint', '--cards', root], cliEnv(testdir()));
    expect(lint.code).toBe(1);
    expect(lint.stdout.trim().split('\n')).toEqual([
      'hashcards/shaankhosla-repeater-test.md:38: This C: card hides nothing: put the hidden part in brackets, as in "C: The capital of France is [Paris]."',
    ]);
  });
});

describe('ki, Front/Back (mankidown) and Logseq notes, read in place', () => {
  it('gives every card of the real files, ids from guids, and skips a Logseq graph’s own folder', () => {
    const root = testdir({
      'logseq/config.edn': '{}',
      'logseq/bak/pages/faq.md': '- Old copy #card\n  - of a card\n',
    });
    for (const format of ['ki', 'front-back', 'logseq'])
      cpSync(path.join(COLLECTIONS, format), path.join(root, 'pages', format), { recursive: true });
    const result = runCli(['list', '--json', '--cards', root], cliEnv(testdir()));
    expect(result.code).toBe(0);
    // Two of ki's own test notes share a guid: the second is said once, the first kept.
    expect(result.stderr).toContain('guid "ce4ae46e098506c6c" is also the guid of the note at line 1');
    const entries = JSON.parse(result.stdout) as ListEntry[];
    const count = (prefix: string, kind?: string) =>
      entries.filter((entry) => entry.path.startsWith(prefix) && (!kind || entry.kind === kind)).length;
    // SOURCES.md: ki 1 + 1 + 2, mankidown 3 basic and 4 cloze, Logseq 8 + 4 + 1.
    expect(count('pages/ki/')).toBe(4);
    expect(entries.find((entry) => entry.path === 'pages/ki/langfield-ki-air.md')).toMatchObject({
      id: '0264082cacae4f58cf0523a6c8541e2328819415',
      question: 'air',
    });
    expect(count('pages/front-back/', 'basic')).toBe(3);
    expect(count('pages/front-back/', 'cloze')).toBe(4);
    expect(count('pages/logseq/')).toBe(13);
    expect(entries.some((entry) => entry.path.startsWith('logseq/'))).toBe(false);
    expect(entries).toHaveLength(24);
  });
});

describe('flashdeck’s own format next to other tools’ syntax', () => {
  it('reads a flashdeck card whose answer holds `::` or a lone `?` as before', () => {
    const root = testdir({
      'cpp.md': cardFile('What is std::vector?', 'A growable array: `std::vector<int> v;`\n\n?\n\nSee std::array too.'),
    });
    expect(list(root, testdir())).toMatchObject([{ id: 'cpp', kind: 'basic', question: 'What is std::vector?' }]);
  });

  it('reads Obsidian cards outside a vault too, and other notes there as flashdeck cards', () => {
    const root = testdir({
      'geo.md': '#flashcards\n\nCapital of France::Paris\nCapital of Spain:::Madrid\n',
      'card.md': cardFile('Plain question?', 'Plain answer.'),
    });
    expect(list(root, testdir()).map(({ id, kind }) => [id, kind])).toEqual([
      ['card', 'basic'],
      ['geo#capital-of-france', 'basic'],
      ['geo#capital-of-spain', 'basic'],
      ['geo#capital-of-spain#reverse', 'reversed'],
    ]);
  });
});

describe("a folder's format named in its .flashdeck file", () => {
  const deck = 'Q: What is 2+2?\nA: Four.\n\nQ: Capital of France?\nA: Paris.\n';

  it('reads every file in that format, recognised or not, and says so when a file holds none', () => {
    const root = testdir({ 'deck.md': deck, 'other.md': '## What is 3+3?\n\nSix.\n' });
    const home = testdir();
    // Recognised from their content: a hashcards deck and an mdanki section.
    expect(list(root, home).map((entry) => entry.id)).toEqual([
      'deck#what-is-2-2',
      'deck#capital-of-france',
      'other#what-is-3-3',
    ]);
    writeFileSync(path.join(root, '.flashdeck'), 'format: hashcards\n');
    const lint = runCli(['lint', '--cards', root], cliEnv(home));
    expect(lint.code).toBe(1);
    expect(lint.stdout).toBe(
      "other.md:1: no hashcards card in this file: the folder's .flashdeck file reads every file as hashcards\n",
    );
    const listed = runCli(['list', '--json', '--cards', root], cliEnv(home));
    expect((JSON.parse(listed.stdout) as ListEntry[]).map((entry) => entry.id)).toEqual([
      'deck#what-is-2-2',
      'deck#capital-of-france',
    ]);
  });

  it('names the formats it reads when the file names another, and changes nothing', () => {
    const root = testdir({ 'deck.md': deck, '.flashdeck': 'format: anki\n' });
    const result = runCli(['list', '--cards', root], cliEnv(testdir()));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `error: ${path.join(root, '.flashdeck')} names the format "anki", which flashdeck does not read: name one of flashdeck, obsidian, hashcards, mdanki, ki, front-back, logseq.\n`,
    );
  });
});

describe('a vault note with `## ` sections', () => {
  it('is a note, not an mdanki deck: in a folder of notes only a named format makes it one', () => {
    const root = testdir({
      '.obsidian/app.json': '{}',
      'exam.md': '## Study plan\n\nRead chapter one.\n\n## Questions\n\nWhich topics come up?\n',
      'cards.md': '#flashcards\n\nWhat is DNA::a molecule\n',
    });
    expect(list(root, testdir()).map((entry) => entry.id)).toEqual(['cards#what-is-dna']);
    writeFileSync(path.join(root, '.flashdeck'), 'format: mdanki\n');
    const named = runCli(['list', '--json', '--cards', root], cliEnv(testdir()));
    expect((JSON.parse(named.stdout) as ListEntry[]).map((entry) => entry.id)).toEqual([
      'exam#study-plan',
      'exam#questions',
    ]);
  });
});
