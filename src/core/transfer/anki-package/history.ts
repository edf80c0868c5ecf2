import { MAX_REVIEW_SECONDS } from '../../log/merge.js';
import type { LogEntry, Rating, ReviewEntry } from '../../log/review-log.js';
import type { AnkiCard, AnkiCollection, AnkiRevlogRow } from './collection.js';
import type { CardTarget } from './notes.js';

// Anki's buttons, Again, Hard, Good and Easy (ease 1–4), on flashdeck's 1–5 scale.
const RATINGS: readonly Rating[] = [1, 3, 4, 5];
const MANUAL = 4;
const FILTERED = 3;
// A card's type: in review.
const REVIEW = 2;
const LEARNING_KINDS = new Set([0, 2]);

/** Why review-log rows were not imported, with how many of each. */
export type SkippedRows = Map<string, number>;

/**
 * Turns an Anki review log, row by row in time order, into flashdeck's log: each answer in learning, review,
 * relearning or a rescheduling filtered deck is a review at its time with the time taken; a reset ("Forget": a manual
 * row with no ease factor) a `forget`. Reschedules and answers in a filtered deck that does not reschedule are left
 * out, as Anki's own FSRS leaves them out (rslib `RevlogEntry::is_reset`, `is_cramming`).
 */
export class PackageHistory {
  readonly entries: LogEntry[] = [];
  readonly skipped: SkippedRows = new Map();
  reviews = 0;
  /** The time of the last review or forget of each card, in milliseconds, by Anki card id. */
  private readonly lastEntry = new Map<number, { at: number; forget: boolean }>();

  /** How many cards without a review history carried their schedule over. */
  schedules = 0;

  constructor(
    private readonly targets: ReadonlyMap<number, CardTarget>,
    private readonly collection: Pick<AnkiCollection, 'created' | 'threeButtonLearning'>,
  ) {}

  add(row: AnkiRevlogRow): void {
    const target = this.targets.get(row.cardId);
    if (!target) return this.skip('of cards that were not imported');
    const at = new Date(row.id).toISOString();
    if (row.type === MANUAL && row.factor === 0) {
      this.entries.push({ card: target.id, forget: true, at });
      this.lastEntry.set(row.cardId, { at: row.id, forget: true });
      return;
    }
    if (row.ease < 1 || row.ease > 4 || row.type > FILTERED) return this.skip('reschedules, not answers');
    if (row.type === FILTERED && row.factor === 0) return this.skip('in filtered decks that do not reschedule');
    // Anki's first scheduler had no Hard button for cards in learning: its ease 2 is Good, 3 is Easy.
    const ease =
      this.collection.threeButtonLearning && LEARNING_KINDS.has(row.type) && row.ease > 1 ? row.ease + 1 : row.ease;
    const seconds = Math.min(MAX_REVIEW_SECONDS, Math.max(0, Math.round(row.time / 100) / 10));
    const review: ReviewEntry = { card: target.id, rating: RATINGS[Math.min(ease, 4) - 1] as Rating, at, seconds };
    if (target.identityText) review.text = target.identityText;
    this.entries.push(review);
    this.reviews++;
    this.lastEntry.set(row.cardId, { at: row.id, forget: false });
  }

  /**
   * Ends the history with what each card's state says: a suspended card is suspended after its last review; a card
   * that is new again after reviews was reset by an Anki older than its Forget rows (2.1.50), so it is forgotten.
   * Both are dated by the card's last change, never before its last review. A card in review without a review
   * history (a package whose log was left out) carries its schedule over: its due day, interval and ease.
   */
  finish(card: AnkiCard): void {
    const target = this.targets.get(card.id);
    if (!target) return;
    const last = this.lastEntry.get(card.id);
    const at = (after: number) => new Date(Math.max(card.modified * 1000, after + 1)).toISOString();
    let after = last?.at ?? 0;
    if (card.type === REVIEW && !last) {
      const due = new Date((this.collection.created + card.due * 86_400) * 1000).toISOString().slice(0, 10);
      const schedule = { due, interval: Math.max(0, card.interval), ease: card.factor > 0 ? card.factor / 10 : 250 };
      this.entries.push({ card: target.id, schedule, at: at(0) });
      this.schedules++;
    }
    if (card.type === 0 && last && !last.forget) {
      this.entries.push({ card: target.id, forget: true, at: at(after) });
      after = Math.max(card.modified * 1000, after + 1);
    }
    if (card.queue === -1) this.entries.push({ card: target.id, suspend: true, at: at(after) });
  }

  private skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }
}
