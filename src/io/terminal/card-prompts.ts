import { editor, input, select } from '@inquirer/prompts';
import { DIFFICULTIES, DIFFICULTY_EMOJI } from '../../core/card/card.js';

/** Everything `flashdeck new` asks for; difficulty is '' for none, deck '' for the top of the cards folder. */
export interface CardAnswers {
  question: string;
  answer: string;
  difficulty: string;
  tags: string[];
  deck: string;
}

const required = (what: string) => (value: string) => (value.trim() ? true : `Write ${what}.`);

/**
 * Asks in the terminal for each field not already given: the answer in `$VISUAL`/`$EDITOR`, the rest inline. Null when
 * the learner ends input with Ctrl+D: a prompt's readline would close on it and leave the prompt waiting forever.
 */
export async function askCardAnswers(given: Partial<CardAnswers>): Promise<CardAnswers | null> {
  const endOfInput = new AbortController();
  const onData = (chunk: Buffer) => {
    if (chunk.includes(CTRL_D)) endOfInput.abort();
  };
  process.stdin.on('data', onData);
  try {
    return await askEach(given, { signal: endOfInput.signal });
  } catch (error) {
    if (endOfInput.signal.aborted) return null;
    throw error;
  } finally {
    process.stdin.off('data', onData);
  }
}

const CTRL_D = 0x04;

async function askEach(given: Partial<CardAnswers>, context: { signal: AbortSignal }): Promise<CardAnswers> {
  const question = given.question ?? (await input({ message: 'Question:', validate: required('a question') }, context));
  const answer =
    given.answer ??
    (await editor(
      {
        message: 'Answer (markdown):',
        postfix: '.md',
        validate: required('an answer, then save and close the editor'),
      },
      context,
    ));
  const difficulty =
    given.difficulty ??
    (await select(
      {
        message: 'Difficulty:',
        // Emoji last, so the names line up whatever width a terminal gives ⭐️.
        choices: [
          { name: 'none', value: '' },
          ...DIFFICULTIES.map((level) => ({ name: `${level} ${DIFFICULTY_EMOJI[level]}`, value: level })),
        ],
      },
      context,
    ));
  const tags = given.tags ?? (await input({ message: 'Tags (comma-separated, optional):' }, context)).split(',');
  const deck = given.deck ?? (await input({ message: 'Deck folder (empty for the top level):' }, context));
  return { question, answer, difficulty, tags, deck };
}
