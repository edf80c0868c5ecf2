import type { ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { DIFFICULTY_EMOJI } from '../core/card/card.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import type { CardListEntry } from '../core/card/list-entry.js';
import { formatDue } from './time.js';

const ID_COLUMN_MAX = 32;
/** Below this width the question gets the room and ids are left to `--json`. */
const ID_COLUMN_MIN_SCREEN = 100;

/** Pads by display width, so CJK ids line up. */
function padEndByWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * One line per card: when it is due, its latest rating, id and question; the emoji last so alignment holds. Lines
 * are cut to `width`; with an infinite width (a pipe) nothing is cut.
 */
export function formatCardList(
  entries: readonly CardListEntry[],
  now: Date,
  width: number,
  chalk: ChalkInstance,
): string {
  if (entries.length === 0) return 'No cards match these filters.';
  const showIds = width >= ID_COLUMN_MIN_SCREEN;
  const idMax = Number.isFinite(width) ? ID_COLUMN_MAX : Number.POSITIVE_INFINITY;
  const ids = entries.map((entry) => cliTruncate(sanitizeTerminalText(entry.id), idMax, { position: 'middle' }));
  const idWidth = Math.max(2, ...ids.map((id) => stringWidth(id)));
  const idColumn = (id: string) => (showIds ? `${padEndByWidth(id, idWidth)} ` : '');
  const header = chalk.dim(`${'DUE'.padEnd(10)} LAST ${idColumn('ID')}QUESTION`);
  const lines = entries.map((entry, i) => {
    const due = entry.suspended ? 'suspended' : entry.due === null ? 'new' : formatDue(new Date(entry.due), now);
    const last = entry.lastRating === null ? '-' : String(entry.lastRating);
    const start = `${due.padEnd(10)} ${last.padStart(4)} ${idColumn(ids[i] ?? '')}`;
    const emoji = entry.difficulty ? ` ${DIFFICULTY_EMOJI[entry.difficulty]}` : '';
    const room = Math.max(10, width - stringWidth(start) - (emoji ? 3 : 0));
    const question = `${entry.leech ? 'leech: ' : ''}${sanitizeTerminalText(entry.question)}`;
    return `${start}${cliTruncate(question, room)}${emoji}`;
  });
  return [header, ...lines, chalk.dim(formatCount(entries.length, 'card'))].join('\n');
}
