import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { DIFFICULTY_EMOJI, type Card } from '../core/card.js';
import type { Rating } from '../core/review-log.js';
import { isLapse, RATINGS } from '../core/schedule.js';
import { countRatings } from '../core/stats.js';
import { formatCount, sanitizeTerminalText } from '../core/text.js';
import { diffWords } from '../core/word-diff.js';
import { formatRatingBars, RATING_LABELS } from './bars.js';
import { formatDue, formatSeconds, formatSpan } from './time.js';

/** Where a card stands in the session. */
export interface CardPosition {
  /** 1-based number of this showing: ratings given so far + 1. */
  index: number;
  total: number;
  /** Cards still to rate, this one included. */
  left: number;
  /** Rated before in this session (it lapsed, or its rating was undone). */
  repeat: boolean;
}

/** The card's header line (deck, position, tags; the emoji last so no alignment depends on its width). */
export function formatCardHeader(card: Card, position: CardPosition, width: number, chalk: ChalkInstance): string {
  const separator = ' · ';
  const head = [sanitizeTerminalText(card.deck), `${position.index}/${position.total}`, `${position.left} left`];
  if (position.repeat) head.push('again');
  const emoji = card.difficulty ? `${separator}${DIFFICULTY_EMOJI[card.difficulty]}` : '';
  const tags = card.tags.map((tag) => `#${sanitizeTerminalText(tag)}`).join(' ');
  // Emoji widths differ between terminals: leave them 3 columns so the line never wraps.
  const room = width - stringWidth(head.join(separator)) - separator.length - (emoji ? separator.length + 3 : 0);
  const tagText = tags && room >= 8 ? `${separator}${chalk.dim(cliTruncate(tags, room))}` : '';
  const rule = chalk.dim('─'.repeat(Math.min(width, 60)));
  return `${rule}\n${head.join(separator)}${tagText}${emoji}`;
}

/** The prompt under the question. */
export function formatRevealPrompt(chalk: ChalkInstance): string {
  return chalk.dim('Space shows the answer · ? keys · q quits');
}

/** The prompt under a rendered answer: the scale, then each key with when the card would come back (`4 3d`). */
export function formatRatingChoices(due: Record<Rating, Date>, now: Date, chalk: ChalkInstance): string {
  const choices = RATINGS.map((rating) => {
    const when = isLapse(rating) ? 'now' : formatSpan(due[rating].getTime() - now.getTime());
    return `${chalk.bold(String(rating))} ${chalk.dim(when)}`;
  });
  const scale = chalk.dim(`1 ${RATING_LABELS[1]} … 5 ${RATING_LABELS[5]}`);
  return `How well did you know this?  ${scale}\n${choices.join('   ')}   ${chalk.dim('? keys')}`;
}

/** The one-line confirmation left on screen after a rating. */
export function formatRated(rating: Rating, due: Date, now: Date): string {
  return `Rated ${rating} · ${isLapse(rating) ? 'again in this session' : `back ${formatDue(due, now)}`}`;
}

/** The prompt between two pages of a long answer. */
export function formatMorePrompt(shown: number, total: number, chalk: ChalkInstance): string {
  return chalk.dim(`── ${shown}/${total} lines · Space for more · 1–5 rate now · q stops paging ──`);
}

/**
 * What the learner typed, shown above the real answer and compared with it word by word: `[-word-]` typed but not in
 * the answer, `{+word+}` in the answer but not typed (as git's word diff writes them, so it reads without colour too).
 */
export function formatTypedAnswer(typed: string, expected: string, chalk: ChalkInstance): string {
  const parts = diffWords(sanitizeTerminalText(typed), sanitizeTerminalText(expected));
  const shown =
    typed.trim() === '' ? chalk.dim('(nothing typed)')
    : parts === null ? sanitizeTerminalText(typed)
    : parts.map(({ kind, text }) => (kind === 'same' ? chalk.green(text) : kind === 'missing' ? chalk.green.underline(`{+${text}+}`) : chalk.red.strikethrough(`[-${text}-]`))).join(' ');
  const verdict = parts?.every((part) => part.kind === 'same') ? chalk.green(' · every word matches') : '';
  return `${chalk.bold('Your answer')}${verdict}\n${shown}\n\n${chalk.bold('Answer')}`;
}

/** Why `e` does nothing on the deck that ships with flashdeck, and how to get a copy to edit. */
export function formatReadOnlyDeck(cardsRoot: string): string {
  const root = sanitizeTerminalText(cardsRoot);
  return `The bundled deck is read-only. To edit its cards, copy it to a folder of your own: cp -r "${root}" ~/flashcards, then flashdeck --cards ~/flashcards.`;
}

/** Every key of a session, for `?`. */
export function formatKeyHelp(chalk: ChalkInstance): string {
  const keys: [string, string][] = [
    ['Space, Enter', 'show the answer'],
    ['1 … 5', 'rate: 1 Not at all … 5 Perfectly (1, 2: again later)'],
    ['e', 'edit this card in $VISUAL or $EDITOR, then show it again'],
    ['s', 'skip this card for this session'],
    ['b', 'bury this card until tomorrow'],
    ['u', 'undo the last rating, skip or burial'],
    ['Esc', 'leave typing (--type) for these keys'],
    ['?', 'show these keys'],
    ['q, Ctrl+D', 'end the session (every rating is kept)'],
  ];
  return [chalk.bold('Keys'), ...keys.map(([key, action]) => `  ${key.padEnd(12)} ${action}`)].join('\n');
}

/** What a finished (or quit) session did. */
export interface SessionSummary {
  ratings: readonly Rating[];
  cardsRated: number;
  seconds: number;
  mastery: { before: number; after: number };
  /** Earliest due time among the session's cards, and how many are due by the end of that study day. */
  nextDue: { at: Date; count: number } | null;
  now: Date;
}

/** The end-of-session report: cards rated, the spread of ratings, mastery, when the next cards are due. */
export function formatSummary(summary: SessionSummary, chalk: ChalkInstance): string {
  if (summary.ratings.length === 0) return 'No cards rated.';
  const { before, after } = summary.mastery;
  const lines = [
    chalk.bold(
      `${formatCount(summary.cardsRated, 'card')} rated (${formatCount(summary.ratings.length, 'rating')}) in ${formatSeconds(summary.seconds)}`,
    ),
    ...formatRatingBars(countRatings(summary.ratings), chalk),
    `Mastery ${before}% → ${after}%`,
  ];
  if (summary.nextDue) {
    const { at, count } = summary.nextDue;
    lines.push(`Next due ${formatDue(at, summary.now)}: ${formatCount(count, 'card')}`);
  }
  return lines.join('\n');
}
