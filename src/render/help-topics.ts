import type { ChalkInstance } from 'chalk';
import { SETTINGS } from '../core/schedule/settings.js';
import { formatKeyHelp } from './quiz-screen.js';
import { wrapText } from './layout.js';

import type { HelpTopic } from './help-topic-names.js';

const FORMAT = `Card format

One note per .md file, anywhere under the cards folder; its folder is its deck.

  ---
  id: ml/adam              optional: the card's stable identity (default: the path)
  difficulty: medium       👶/easy, ⭐️/medium, 🚀/hard
  tags: [optimizers, sgd]  a list, or words separated by commas
  reverse: true            also ask the answer, to get the question
  ---
  # What is Adam?          the question: the first level-1 heading
  The answer, in markdown: lists, **bold**, \`code\`, tables, $math$…

Cloze deletions: {{c1::hidden text}} or {{c1::hidden::hint}} anywhere in the note;
one card per number (c1, c2…). README.md files, names starting with . or _ and
node_modules are not cards. \`flashdeck lint\` checks every file.

Other tools' files are read in place, never written:
  Obsidian spaced repetition  q::a, q:::a, ? and ?? blocks, ==cloze== (notes tagged #flashcards)
  hashcards, repeater         Q: … A: … blocks, C: text [hidden] text
  mdanki                      # Deck, then ## question sections
  ki                          # Note blocks with ## Front / ## Back
  Front/Back notes            Front / Back (or Text / Extra) headings
  Logseq                      blocks tagged #card, child blocks the answer, {{cloze …}}
A .flashdeck file at the folder's root may name the format when content cannot tell.`;

/** The text of `topic`, fitted to `width`. */
export function formatHelpTopic(topic: HelpTopic, width: number, chalk: ChalkInstance): string {
  if (topic === 'keys') return formatKeyHelp(chalk, width);
  if (topic === 'format') return FORMAT;
  const nameColumn = 18;
  const lines = SETTINGS.flatMap((setting) =>
    wrapText(`${setting.description} (default ${String(setting.defaultValue)})`, width - nameColumn).map(
      (line, index) => `${(index === 0 ? `  ${setting.name}` : '').padEnd(nameColumn)}${line}`,
    ),
  );
  return [
    chalk.bold('Settings'),
    ...lines,
    `${'  parameters'.padEnd(nameColumn)}FSRS weights fitted by \`flashdeck optimize\` (get or unset only)`,
    '',
    'flashdeck config set <name> <value> changes one; flashdeck config lists them with their values.',
  ].join('\n');
}
