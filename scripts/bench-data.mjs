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

/**
 * Writes `count` cards under `root`; returns the ids (every card has one) and the first card in path order,
 * which is the first question a fresh quiz shows.
 */
export function writeCards(root, count, seed) {
  const random = createRandom(seed);
  const cards = [];
  for (let index = 0; index < count; index += 1) {
    const folder = folderOf(random, index, 50);
    const file = `${folder}/card-${String(index).padStart(6, '0')}.md`;
    const id = `${folder.split('/')[0]}/${index.toString(36)}`;
    const question = `What does ${words(random, 3)} mean for ${words(random, 2)} (${index})?`;
    const front = [
      `id: ${id}`,
      `difficulty: ${pick(random, DIFFICULTIES)}`,
      `tags: [${words(random, 2).replace(' ', ', ')}]`,
    ];
    const text = `---\n${front.join('\n')}\n---\n\n# ${question}\n\n${writeAnswer(random)}\n`;
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, file), text);
    cards.push({ id, file, question });
  }
  const first = cards.reduce((a, b) => (a.file < b.file ? a : b));
  return { ids: cards.map((card) => card.id), first };
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
