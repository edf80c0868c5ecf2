// Deterministic bench data: card folders in the SPEC.md format and a review log, from a seeded PRNG.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from './seeded-random.mjs';

const WORDS = (
  'gradient descent momentum learning rate batch epoch loss weight bias layer neuron activation network ' +
  'convolution kernel stride pooling dropout regularization overfitting variance estimate sample matrix ' +
  'vector tensor derivative chain rule backpropagation optimizer schedule warmup decay checkpoint validation ' +
  'accuracy precision recall entropy softmax embedding attention transformer token sequence recurrent memory ' +
  'cache index query latency throughput protocol packet router kernel process thread mutex deadlock heap stack'
).split(' ');
const SUBJECTS = [
  'biology',
  'chemistry',
  'compilers',
  'databases',
  'economics',
  'french',
  'history',
  'linear-algebra',
  'machine-learning',
  'networking',
  'operating-systems',
  'physics',
  'probability',
  'rust',
  'statistics',
  'typescript',
];
const DIFFICULTIES = ['easy', 'medium', 'hard', '👶', '⭐️', '🚀'];

const pick = (random, items) => items[Math.floor(random() * items.length)];
const words = (random, count) => Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
const sentence = (random) => {
  const text = words(random, 8 + Math.floor(random() * 10));
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};

/** About 1 KB of markdown: paragraphs, a list, some inline code and sometimes a fenced code block. */
function writeAnswer(random) {
  const parts = [
    `${sentence(random)} ${sentence(random)} The **${pick(random, WORDS)}** matters because ${words(random, 6)}.`,
  ];
  parts.push(
    Array.from(
      { length: 3 + Math.floor(random() * 3) },
      () => `- ${words(random, 4)}: \`${pick(random, WORDS)}\` ${words(random, 5)}`,
    ).join('\n'),
  );
  if (random() < 0.5) {
    const name = pick(random, WORDS);
    parts.push(
      [
        '```ts',
        `function ${name}(input: number[]): number {`,
        `  // ${words(random, 6)}`,
        `  return input.reduce((sum, x) => sum + x * ${Math.floor(random() * 9) + 1}, 0);`,
        '}',
        '```',
      ].join('\n'),
    );
  }
  while (parts.join('\n\n').length < 900) parts.push(`${sentence(random)} ${sentence(random)} ${sentence(random)}`);
  return parts.join('\n\n');
}

/** A deck folder for card `index`: two or three levels, about `perFolder` cards in each. */
function folderOf(random, index, perFolder) {
  const group = Math.floor(index / perFolder);
  const subject = SUBJECTS[group % SUBJECTS.length];
  const chapter = `chapter-${String(Math.floor(group / SUBJECTS.length) % 40).padStart(2, '0')}`;
  return group % 3 === 0
    ? `${subject}/${chapter}`
    : `${subject}/${chapter}/part-${Math.floor(group / (SUBJECTS.length * 40))}`;
}

// Cloze sentences: each `{N}` is a phrase, the first few of them deleted (`{{c1::phrase}}`, some with a hint).
const CLOZE_SENTENCES = [
  'In {0}, the {1} sets how far each step moves along the {2} of the {3}.',
  'A {0} layer shrinks the {1} of its input by keeping the {2} of each window, which saves {3}.',
  'The {0} is computed from the {1} and the {2} before it passes through the {3}.',
  'When the {0} is too high the {1} diverges, so most runs lower it after the {2} with a {3}.',
  '{0} trades {1} for {2}, which is why it is paired with {3} in practice.',
  'Each {0} holds a {1} that the {2} reads before it updates the {3}.',
  'A {0} waits on a {1} held by another {2}, and neither can release its {3}.',
  'The {0} splits every {1} into a {2}, and the {3} looks each one up by its position.',
];
const HINTS = ['term', 'concept', 'quantity', 'two words', 'a process', 'the name', 'abbreviation'];

const phrase = (random) => words(random, 1 + Math.floor(random() * 2));

/**
 * A note with 2–4 cloze deletions numbered c1..c4 (a number now and then deletes two phrases at once, as in Anki),
 * some with a hint; returns its text and how many cards it makes (one per number).
 */
function writeCloze(random) {
  const template = pick(random, CLOZE_SENTENCES);
  const deletions = 2 + Math.floor(random() * 3);
  let numbers = 0;
  const text = template.replace(/\{(\d)\}/g, (_, slot) => {
    const words = phrase(random);
    if (Number(slot) >= deletions) return words;
    // The first deletion opens c1; later ones open the next number, or now and then repeat the last.
    numbers = numbers === 0 || random() >= 0.2 ? numbers + 1 : numbers;
    const hint = random() < 0.3 ? `::${pick(random, HINTS)}` : '';
    return `{{c${numbers}::${words}${hint}}}`;
  });
  return { text: `${text[0].toUpperCase()}${text.slice(1)}`, cards: numbers };
}

/**
 * Writes `count` notes under `root`; returns the ids (every note has one), the first card in path order (the first
 * question a fresh quiz shows), and how many cards the notes make. With `cloze`, about a third of the notes are cloze
 * notes: 2–4 deletions in a sentence, half of them as the `# ` question of a note with an answer, half a note that is
 * only the sentence and a line of context, with no heading. Until cards support cloze, the first kind read as basic
 * cards and the second as problems (no question): `cards.today` counts what the parser gives now, `cards.cloze` what
 * it gives once every cloze number is a card.
 */
export function writeCards(root, count, seed, { cloze = false } = {}) {
  const random = createRandom(seed);
  const cards = [];
  const made = { today: 0, cloze: 0 };
  for (let index = 0; index < count; index += 1) {
    const folder = folderOf(random, index, 50);
    const file = `${folder}/card-${String(index).padStart(6, '0')}.md`;
    const id = `${folder.split('/')[0]}/${index.toString(36)}`;
    const front = [
      `id: ${id}`,
      `difficulty: ${pick(random, DIFFICULTIES)}`,
      `tags: [${words(random, 2).replace(' ', ', ')}]`,
    ];
    let question;
    let body;
    if (cloze && random() < 1 / 3) {
      const note = writeCloze(random);
      made.cloze += note.cards;
      if (random() < 0.5) {
        question = note.text;
        body = `# ${question}\n\n${writeAnswer(random)}`;
        made.today += 1;
      } else {
        question = null;
        body = `${note.text}\n\n${sentence(random)} ${sentence(random)}`;
      }
    } else {
      question = `What does ${words(random, 3)} mean for ${words(random, 2)} (${index})?`;
      body = `# ${question}\n\n${writeAnswer(random)}`;
      made.today += 1;
      made.cloze += 1;
    }
    const text = `---\n${front.join('\n')}\n---\n\n${body}\n`;
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, file), text);
    cards.push({ id, file, question });
  }
  const first = cards.filter((card) => card.question !== null).reduce((a, b) => (a.file < b.file ? a : b));
  return { ids: cards.map((card) => card.id), first, cards: made };
}

/** Writes `count` valid reviews of `ids`, in time order over the year before `end`, as reviews.jsonl lines. */
export function writeReviewLog(file, ids, count, end, seed) {
  const random = createRandom(seed);
  const year = 365 * 86_400_000;
  const times = Array.from({ length: count }, () => end.getTime() - Math.floor(random() * year)).sort((a, b) => a - b);
  // Most reviews fall on the cards studied most, and a fifth of the deck stays new.
  const studied = ids.slice(0, Math.floor(ids.length * 0.8));
  const ratings = [1, 2, 3, 3, 4, 4, 4, 4, 5, 5];
  const lines = times.map((at) =>
    JSON.stringify({
      card: studied[Math.floor(random() ** 2 * studied.length)],
      rating: pick(random, ratings),
      at: new Date(at).toISOString(),
      seconds: Math.round(random() * 300) / 10,
    }),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Writes an Obsidian vault of `count` notes (a `.obsidian` folder at its root) where a fifth hold flashcards: notes
 * tagged `#flashcards/<deck>` with three `question::answer` lines, one of them with the plugin's schedule comment.
 * The others are ordinary notes: headings, paragraphs, lists and dataview `key:: value` fields. Returns the card count.
 */
export function writeVault(root, count, seed) {
  const random = createRandom(seed);
  mkdirSync(path.join(root, '.obsidian'), { recursive: true });
  let cards = 0;
  for (let index = 0; index < count; index += 1) {
    const folder = folderOf(random, index, 50);
    const title = `${words(random, 3)} ${index}`;
    let text;
    if (index % 5 === 0) {
      const lines = Array.from(
        { length: 3 },
        (_, card) => `What is ${words(random, 3)} (${index}.${card})?::${sentence(random)}`,
      );
      lines.splice(2, 0, '<!--SR:!2026-01-15,12,250-->');
      text = `#flashcards/${folder.split('/')[0]}\n\n# ${title}\n\n${sentence(random)}\n\n${lines.join('\n')}\n`;
      cards += 3;
    } else {
      text = `# ${title}\n\nstatus:: ${words(random, 1)}\n\n${sentence(random)} ${sentence(random)}\n\n## ${words(random, 2)}\n\n- ${sentence(random)}\n- ${sentence(random)}\n`;
    }
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, `note-${String(index).padStart(6, '0')}.md`), text);
  }
  return cards;
}
