import type { Card, Note } from './card.js';
import { MAX_REVIEW_TEXT } from '../log/review-log.js';
import { hasHiddenMark } from '../markdown/cloze-marks.js';
import { toPlainText } from '../markdown/text.js';
import {
  clozeNumbers,
  findClozeDeletions,
  mayHoldClozeDeletions,
  plainCloze,
  hideCloze,
  revealCloze,
  type ClozeDeletion,
} from './cloze.js';
import { CardError, EMPTY_ANSWER, NO_QUESTION } from './card.js';

/** The suffix of a reversed card's id, after its note's id. */
export const REVERSE_SUFFIX = '#reverse';

/**
 * The cards a note yields: its cloze cards (one per deletion number, `<note>#cN`) when its text holds deletions, else
 * its basic card (the note's id, so progress kept before notes yielded several cards stays) and, with `reverse: true`,
 * the card asking the answer (`<note>#reverse`). Throws CardError at the line of a malformed deletion.
 */
export function cardsOfNote(note: Note): Card[] {
  return listCards(note).map((card) => {
    const questionText = toPlainText(askedPart(card));
    // A card of another tool's file has no id of its own (but its words): what it asks tells it apart.
    const identified = card.kind !== 'cloze' && note.format !== 'flashdeck';
    return {
      ...card,
      questionText,
      identityText: identified ? questionText.slice(0, MAX_REVIEW_TEXT) : card.identityText,
    };
  });
}

/**
 * The part of a card's question that says what it asks: all of it, but for a cloze card the paragraphs that hold
 * its hidden deletions (the rest of the note is context the quiz shows, not what a list needs to name the card).
 */
function askedPart(card: Omit<Card, 'questionText'>): string {
  if (card.kind !== 'cloze') return card.question;
  const asking = card.question.split(/\n[ \t]*\n/).filter(hasHiddenMark);
  return asking.length > 0 ? asking.join('\n\n') : card.question;
}

/** The cards of a note, before their plain-text questions. */
function listCards(note: Note): Omit<Card, 'questionText'>[] {
  const common = {
    note: note.id,
    line: note.line,
    deck: note.deck,
    path: note.path,
    difficulty: note.difficulty,
    tags: note.tags,
  };
  const cloze = readCloze(note);
  if (cloze) {
    // Deletions only in the title make it the cloze text, and the text below its extra, shown with the answer (as
    // Anki's Text and Back Extra); otherwise the text below is the cloze text, under its title.
    const titleOnly = cloze.answer.deletions.length === 0;
    return clozeNumbers([...cloze.question.deletions, ...cloze.answer.deletions]).map((number) => {
      const own = [...cloze.question.deletions, ...cloze.answer.deletions].filter((d) => d.number === number);
      const inTitle = cloze.question.deletions.some((deletion) => deletion.number === number);
      const hidden = (part: ClozePart) => hideCloze(note[part], cloze[part].deletions, number);
      const revealed = (part: ClozePart) => revealCloze(note[part], cloze[part].deletions, number);
      const title = (text: string) => (!text || text.includes('\n') ? text : `# ${text}`);
      return {
        ...common,
        id: `${note.id}#c${number}`,
        kind: 'cloze' as const,
        identityText: describeDeletions(own),
        question: joinBlocks(title(hidden('question')), titleOnly ? '' : hidden('answer')),
        // The title is on screen above already, unless it holds this card's deletion.
        answer: joinBlocks(inTitle ? title(revealed('question')) : '', titleOnly ? note.answer : revealed('answer')),
      };
    });
  }
  // `{{c` that turned out to be no deletion: the note is a basic one after all, and needs its question.
  if (!note.question) throw new CardError(note.line, NO_QUESTION);
  if (!note.answer) throw new CardError(note.line, EMPTY_ANSWER);
  const basic = {
    ...common,
    id: note.id,
    kind: 'basic' as const,
    question: note.question,
    answer: note.answer,
    identityText: '',
  };
  if (!note.reverse) return [basic];
  return [
    basic,
    {
      ...common,
      id: `${note.id}${REVERSE_SUFFIX}`,
      kind: 'reversed' as const,
      question: note.answer,
      answer: note.question,
      identityText: '',
    },
  ];
}

/** What a learner typing the answer (`--type`) should type: a cloze card's hidden text, else its answer. */
export function getTypedAnswer(card: Card): string {
  return card.kind === 'cloze' ? card.identityText : toPlainText(card.answer);
}

type ClozePart = 'question' | 'answer';

/** The plain text of a card's deletions, in order, as reviews record it (nested deletions read as their text). */
function describeDeletions(deletions: readonly ClozeDeletion[]): string {
  const texts = deletions.map((deletion) => plainCloze(deletion.text, findClozeDeletions(deletion.text).deletions));
  return texts.join(' … ').replace(/\s+/g, ' ').trim().slice(0, MAX_REVIEW_TEXT);
}

/** The deletions of a note's question and text, or null when it has none; throws at the first malformed one. */
function readCloze(note: Note): Record<ClozePart, { deletions: ClozeDeletion[] }> | null {
  if (!mayHoldClozeDeletions(note.question) && !mayHoldClozeDeletions(note.answer)) return null;
  const question = findClozeDeletions(note.question);
  const answer = findClozeDeletions(note.answer);
  const [questionProblem] = question.problems;
  if (questionProblem) throw new CardError(note.line + questionProblem.line - 1, questionProblem.message);
  const [answerProblem] = answer.problems;
  if (answerProblem) throw new CardError(note.answerLine + answerProblem.line - 1, answerProblem.message);
  if (question.deletions.length + answer.deletions.length === 0) return null;
  return { question, answer };
}

/** Markdown blocks one after the other, the empty ones left out. */
function joinBlocks(...blocks: string[]): string {
  return blocks.filter(Boolean).join('\n\n');
}
