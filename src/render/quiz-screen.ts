import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import { DIFFICULTY_EMOJI, type Card } from '../core/card/card.js';
import type { Rating } from '../core/log/review-log.js';
import { isLapse, RATINGS } from '../core/schedule/scheduler.js';
import { countRatings } from '../core/stats/mastery.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import { diffWords } from '../core/markdown/word-diff.js';
import { fitToWidth, joinToWidth, wrapText } from './layout.js';
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

/** The card's header (deck, position, tags; the emoji last so no alignment depends on its width), wrapped at items. */
export function formatCardHeader(card: Card, position: CardPosition, width: number, chalk: ChalkInstance): string {
  // Emoji widths differ between terminals: leave them 3 columns so a line never wraps by itself.
  const room = width - 3;
  const items = [
    fitToWidth(sanitizeTerminalText(card.deck), room, 'middle').trimEnd(),
    `${position.index}/${position.total}`,
    `${position.left} left`,
  ];
  if (position.repeat) items.push('again');
  const tags = card.tags.map((tag) => `#${sanitizeTerminalText(tag)}`).join(' ');
  // Room for ` · ` and the emoji after the tags, so the emoji stays on their line.
  if (tags) items.push(chalk.dim(cliTruncate(tags, Math.max(8, room - (card.difficulty ? 5 : 0)))));
  if (card.difficulty) items.push(DIFFICULTY_EMOJI[card.difficulty]);
  const rule = chalk.dim('─'.repeat(Math.min(width, 60)));
  return [rule, ...joinToWidth(items, room)].join('\n');
}

/** The prompt under the question, wrapped between its parts to `width`. */
export function formatRevealPrompt(chalk: ChalkInstance, width: number): string {
  return chalk.dim(joinToWidth(['Space shows the answer', '? keys', 'q quits'], width).join('\n'));
}

/** The prompt under a rendered answer: the scale, then each key with when the card would come back (`4 3d`). */
export function formatRatingChoices(due: Record<Rating, Date>, now: Date, chalk: ChalkInstance, width: number): string {
  const choices = RATINGS.map((rating) => {
    const when = isLapse(rating) ? 'now' : formatSpan(due[rating].getTime() - now.getTime());
    return `${chalk.bold(String(rating))} ${chalk.dim(when)}`;
  });
  const scale = chalk.dim(`1 ${RATING_LABELS[1]} … 5 ${RATING_LABELS[5]}`);
  return [
    ...joinToWidth(['How well did you know this?', scale], width, '  '),
    ...joinToWidth([...choices, chalk.dim('? keys')], width, '   '),
  ].join('\n');
}

/** The one-line confirmation left on screen after a rating. */
export function formatRated(rating: Rating, due: Date, now: Date): string {
  return `Rated ${rating} · ${isLapse(rating) ? 'again in this session' : `back ${formatDue(due, now)}`}`;
}

/** The prompt between two pages of a long answer. */
export function formatMorePrompt(shown: number, total: number, chalk: ChalkInstance, width: number): string {
  return chalk.dim(
    joinToWidth([`── ${shown}/${total} lines`, 'Space for more', '1–5 rate now', 'q stops paging ──'], width).join(
      '\n',
    ),
  );
}

/**
 * What the learner typed, shown above the real answer and compared with it word by word: `[-word-]` typed but not in
 * the answer, `{+word+}` in the answer but not typed (as git's word diff writes them, so it reads without colour too).
 */
export function formatTypedAnswer(typed: string, expected: string, chalk: ChalkInstance): string {
  const parts = diffWords(sanitizeTerminalText(typed), sanitizeTerminalText(expected));
  const shown =
    typed.trim() === ''
      ? chalk.dim('(nothing typed)')
      : parts === null
        ? sanitizeTerminalText(typed)
        : parts
            .map(({ kind, text }) =>
              kind === 'same'
                ? chalk.green(text)
                : kind === 'missing'
                  ? chalk.green.underline(`{+${text}+}`)
                  : chalk.red.strikethrough(`[-${text}-]`),
            )
            .join(' ');
  const verdict = parts?.every((part) => part.kind === 'same') ? chalk.green(' · every word matches') : '';
  return `${chalk.bold('Your answer')}${verdict}\n${shown}\n\n${chalk.bold('Answer')}`;
}

/** Why `e` does nothing on the deck that ships with flashdeck, and how to get a copy to edit. */
export function formatReadOnlyDeck(cardsRoot: string): string {
  const root = sanitizeTerminalText(cardsRoot);
  return `The bundled deck is read-only. To edit its cards, copy it to a folder of your own: cp -r "${root}" ~/flashcards, then flashdeck --cards ~/flashcards.`;
}

/** Every key of a session, for `?`: each key's action wrapped beside it at `width`. */
export function formatKeyHelp(chalk: ChalkInstance, width: number): string {
  const keys: [string, string][] = [
    ['Space, Enter', 'show the answer'],
    ['1 … 5', 'rate: 1 Not at all … 5 Perfectly (1, 2: again later)'],
    ['e', 'edit this card in $VISUAL or $EDITOR, then show it again'],
    ['s', 'skip this card for this session'],
    ['b', 'bury this card until tomorrow'],
    ['!', 'suspend this card (flashdeck unsuspend brings it back)'],
    ['u', 'undo the last rating, skip, burial or suspension'],
    ['o', "open the card's pictures and sounds ($FLASHDECK_OPEN, else the system's opener)"],
    ['p', "play the card's sounds"],
    ['Esc', 'leave typing (--type) for these keys'],
    ['?', 'show these keys'],
    ['q, Ctrl+D', 'end the session (every rating is kept)'],
  ];
  const keyColumn = 15;
  const lines = keys.flatMap(([key, action]) =>
    wrapText(action, width - keyColumn).map(
      (line, index) => `${(index === 0 ? `  ${key}` : '').padEnd(keyColumn)}${line}`,
    ),
  );
  return [chalk.bold('Keys'), ...lines].join('\n');
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
