import type { Database } from 'sql.js';
import { FlashError } from '../../core/errors.js';
import type { HashcardsReview } from '../../core/log/hashcards-history.js';
import { openSqliteDatabase, queryRows } from './sqlite.js';

// hashcards' `reviews` table (src/schema.sql): the columns an import reads.
const REVIEW_COLUMNS = ['review_id', 'card_hash', 'reviewed_at', 'grade'];

/**
 * Every review in a hashcards database (its `hashcards.db`), oldest first. A database that is damaged, or is not
 * hashcards', is a FlashError whose one line says so; `source` names the file in it.
 */
export async function readHashcardsReviews(bytes: Uint8Array, source: string): Promise<HashcardsReview[]> {
  let database: Database | undefined;
  try {
    database = await openSqliteDatabase(bytes);
    checkHashcardsTables(database, source);
    const rows = queryRows(
      database,
      'select review_id, card_hash, reviewed_at, grade from reviews order by reviewed_at, review_id',
    );
    return rows.map(({ review_id: id, card_hash: cardHash, reviewed_at: reviewedAt, grade }) => {
      if (typeof id !== 'number' || typeof cardHash !== 'string' || typeof reviewedAt !== 'string')
        throw new FlashError(`${source}: review ${String(id)} is not as hashcards writes one: nothing was imported.`);
      return { id, cardHash, reviewedAt, grade: String(grade) };
    });
  } catch (error) {
    if (error instanceof FlashError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new FlashError(`${source} is a damaged SQLite database (${reason}): nothing was imported.`);
  } finally {
    database?.close();
  }
}

/** Refuses an SQLite database without hashcards' reviews, naming repeater's, which keeps none. */
function checkHashcardsTables(database: Database, source: string): void {
  const columns = (table: string) =>
    new Set(queryRows(database, `pragma table_info(${table})`).map((column) => column.name));
  const reviews = columns('reviews');
  if (REVIEW_COLUMNS.every((column) => reviews.has(column))) return;
  if (reviews.size === 0 && columns('cards').has('card_hash')) {
    throw new FlashError(
      `${source} holds each card's latest schedule but no reviews (repeater's cards.db): there is no history to import.`,
    );
  }
  throw new FlashError(
    `${source} is an SQLite database, but not hashcards' (no reviews table as hashcards writes it): nothing was imported.`,
  );
}
