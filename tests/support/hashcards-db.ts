import initSqlJs from 'sql.js';

/**
 * hashcards' database schema, as hashcards creates `hashcards.db` in a cards folder: src/schema.sql of
 * eudoxia0/hashcards (at a23b7e2, unchanged since "Store the interval in the database", 2025-10-03), verbatim.
 */
export const HASHCARDS_SCHEMA = `pragma foreign_keys = on;

create table cards (
    card_hash text primary key,
    added_at text not null,
    last_reviewed_at text,
    stability real,
    difficulty real,
    interval_raw real,
    interval_days integer,
    due_date text,
    review_count integer not null
) strict;

create table sessions (
    session_id integer primary key,
    started_at text not null,
    ended_at text not null
) strict;

create table reviews (
    review_id integer primary key,
    session_id integer not null
        references sessions (session_id)
        on update cascade
        on delete cascade,
    card_hash text not null
        references cards (card_hash)
        on update cascade
        on delete cascade,
    reviewed_at text not null,
    grade text not null,
    stability real not null,
    difficulty real not null,
    interval_raw real not null,
    interval_days integer not null,
    due_date text not null
) strict;
`;

/** One review as hashcards saves it: the card's hash, its local time (`2025-10-05T14:30:15.123`), its grade. */
export interface HashcardsDbReview {
  cardHash: string;
  reviewedAt: string;
  grade: string;
}

/**
 * The bytes of a hashcards.db holding these reviews, written the way hashcards writes one: each card once in
 * `cards`, one session spanning the reviews, and each review with the schedule it led to (made-up numbers here:
 * flashdeck reads only the hash, the time and the grade).
 */
export async function makeHashcardsDb(reviews: readonly HashcardsDbReview[]): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  database.exec(HASHCARDS_SCHEMA);
  const times = reviews.map((review) => review.reviewedAt).sort();
  const first = times[0] ?? '2025-01-01T00:00:00.000';
  for (const hash of new Set(reviews.map((review) => review.cardHash))) {
    const own = reviews.filter((review) => review.cardHash === hash);
    database.run(
      `insert into cards (card_hash, added_at, last_reviewed_at, stability, difficulty, interval_raw, interval_days,
        due_date, review_count) values (?, ?, ?, 3.2, 5.1, 3.2, 3, '2030-01-01', ?)`,
      [hash, first, own.at(-1)?.reviewedAt ?? null, own.length],
    );
  }
  database.run('insert into sessions (session_id, started_at, ended_at) values (1, ?, ?)', [
    first,
    times.at(-1) ?? first,
  ]);
  for (const review of reviews) {
    database.run(
      `insert into reviews (session_id, card_hash, reviewed_at, grade, stability, difficulty, interval_raw,
        interval_days, due_date) values (1, ?, ?, ?, 3.2, 5.1, 3.2, 3, '2030-01-01')`,
      [review.cardHash, review.reviewedAt, review.grade],
    );
  }
  const bytes = database.export();
  database.close();
  return bytes;
}
