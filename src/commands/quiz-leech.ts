import type { Card } from '../core/card/card.js';
import { StoreError } from '../core/errors.js';
import { applyEntry } from '../core/log/replay.js';
import { LEECH_LAPSES } from '../core/schedule/leech.js';
import type { Session } from './quiz-session.js';

/**
 * What the quiz says when a rating has just made `card` a leech; with the `suspend-leeches` setting, the card is
 * suspended too (a line appended, as `!` does) and leaves the session.
 */
export function noteLeech(session: Session, card: Card): string {
  const leech = `This card is now a leech: forgotten ${LEECH_LAPSES} times. Rewrite it, split it, or suspend it (!).`;
  if (!session.store.getSettings().suspendLeeches) return leech;
  const suspend = { card: card.id, suspend: true as const, at: session.deps.now().toISOString() };
  try {
    session.store.append(suspend);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return `${leech} It was not suspended: ${error.message}`;
  }
  applyEntry(session.log, suspend, session.scheduler);
  const { queue, history } = session.progress;
  session.progress = { queue: queue.filter((queued) => queued.id !== card.id), history };
  return `This card is now a leech (forgotten ${LEECH_LAPSES} times), so it is suspended: \`flashdeck unsuspend\` brings it back.`;
}
