import { editor, input, select } from '@inquirer/prompts';
import { DIFFICULTIES, DIFFICULTY_EMOJI } from '../core/card.js';

/** Everything `flashdeck new` asks for; difficulty is '' for none, deck '' for the top of the cards folder. */
export interface CardAnswers {
  question: string;
  answer: string;
  difficulty: string;
  tags: string[];
  deck: string;
}

const required = (what: string) => (value: string) => (value.trim() ? true : `Write ${what}.`);

/** Asks in the terminal for each field not already given: the answer in `$VISUAL`/`$EDITOR`, the rest inline. */
export async function askCardAnswers(given: Partial<CardAnswers>): Promise<CardAnswers> {
  const question = given.question ?? (await input({ message: 'Question:', validate: required('a question') }));
  const answer =
    given.answer ??
    (await editor({ message: 'Answer (markdown):', postfix: '.md', validate: required('an answer, then save and close the editor') }));
  const difficulty =
    given.difficulty ??
    (await select({
      message: 'Difficulty:',
      // Emoji last, so the names line up whatever width a terminal gives ⭐️.
      choices: [{ name: 'none', value: '' }, ...DIFFICULTIES.map((level) => ({ name: `${level} ${DIFFICULTY_EMOJI[level]}`, value: level }))],
    }));
  const tags = given.tags ?? (await input({ message: 'Tags (comma-separated, optional):' })).split(',');
  const deck = given.deck ?? (await input({ message: 'Deck folder (empty for the top level):' }));
  return { question, answer, difficulty, tags, deck };
}
