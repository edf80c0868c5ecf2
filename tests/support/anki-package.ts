import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Database as SqlDatabase } from 'sql.js';
import { loadSqlJs } from '../../src/io/sqlite/sqlite.js';

// Writes Anki packages of every version the way Anki lays them out (rslib/src/import_export/package), for tests and
// the bench: SQLite through sql.js, the zip through fflate, and zstd frames made of raw blocks (valid zstd that any
// decoder reads, without a compressor).

/** A review-log row of a fixture card. */
export interface FixtureReview {
  /** Milliseconds since the epoch: the row's id. */
  at: number;
  /** 1–4, or 0 for a manual row. */
  ease: number;
  /** 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual, 5 rescheduled. */
  type?: number;
  factor?: number;
  /** Milliseconds taken. */
  time?: number;
}

/** A card of a fixture note. */
export interface FixtureCard {
  ord: number;
  queue?: number;
  type?: number;
  /** Seconds since the epoch. */
  modified?: number;
  reviews?: FixtureReview[];
}

/** A note of a fixture package, by note type: Basic, Basic (and reversed card), Cloze, or a three-card vocabulary type. */
export interface FixtureNote {
  guid: string;
  type: 'basic' | 'reversed' | 'cloze' | 'vocabulary';
  fields: string[];
  tags?: string[];
  /** `A::B`; Default when absent. */
  deck?: string;
  /** The note's cards; by default, one per template (per cloze number). */
  cards?: FixtureCard[];
}

/** A whole fixture package. */
export interface FixturePackage {
  /** legacy1: collection.anki2; legacy2: collection.anki21 (and a dummy anki2); latest: anki21b, zstd, protobuf. */
  version: 'legacy1' | 'legacy2' | 'latest';
  notes: FixtureNote[];
  media?: Record<string, string | Uint8Array>;
  /** Anki's `schedVer`; absent: none is written. */
  schedulerVersion?: number;
}

interface Notetype {
  id: number;
  name: string;
  kind: 0 | 1;
  fields: string[];
  templates: [name: string, question: string, answer: string][];
}

const BACK = '{{FrontSide}}<hr id=answer>';
const NOTETYPES: Record<FixtureNote['type'], Notetype> = {
  basic: {
    id: 1001,
    name: 'Basic',
    kind: 0,
    fields: ['Front', 'Back'],
    templates: [['Card 1', '{{Front}}', `${BACK}{{Back}}`]],
  },
  reversed: {
    id: 1002,
    name: 'Basic (and reversed card)',
    kind: 0,
    fields: ['Front', 'Back'],
    templates: [
      ['Card 1', '{{Front}}', `${BACK}{{Back}}`],
      ['Card 2', '{{Back}}', `${BACK}{{Front}}`],
    ],
  },
  cloze: {
    id: 1003,
    name: 'Cloze',
    kind: 1,
    fields: ['Text', 'Back Extra'],
    templates: [['Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']],
  },
  vocabulary: {
    id: 1004,
    name: 'Vocabulary',
    kind: 0,
    fields: ['Word', 'Meaning', 'Example'],
    templates: [
      ['Recognise', '{{Word}}', `${BACK}{{Meaning}}<br>{{Example}}`],
      ['Recall', '{{Meaning}}', `${BACK}{{Word}}`],
      ['Use', '{{#Example}}{{Example}}{{/Example}}', `${BACK}{{Word}}`],
    ],
  },
};

const SCHEMA_11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_revlog_cid ON revlog (cid);`;

// Schema 18's own tables (rslib/src/storage/upgrades), names declared COLLATE unicase as Anki declares them.
const SCHEMA_18 = `
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL,
  val blob NOT NULL) without rowid;
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL, collapsed boolean NOT NULL,
  config blob NULL) without rowid;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);`;

/** The bytes of an `.apkg` (or `.colpkg`: the same layout) holding the notes, their cards and reviews, and media. */
export async function makeAnkiPackage(spec: FixturePackage): Promise<Uint8Array> {
  const latest = spec.version === 'latest';
  const collection = await makeCollection(spec.notes, latest, spec.schedulerVersion);
  const media = Object.entries(spec.media ?? {}).map(([name, data]) => ({ name, data: toBytes(data) }));
  const files: Record<string, Uint8Array> = {};
  media.forEach(({ data }, index) => (files[String(index)] = latest ? zstdFrame(data) : data));
  if (latest) {
    files['collection.anki21b'] = zstdFrame(collection);
    files['collection.anki2'] = await makeDummyCollection();
    files.meta = message([[1, 3]]);
    const entries = media.map(({ name, data }) =>
      message([
        [1, name],
        [2, data.length],
        [3, createHash('sha1').update(data).digest()],
      ]),
    );
    files.media = zstdFrame(message(entries.map((entry) => [1, entry] as const)));
  } else {
    files[spec.version === 'legacy2' ? 'collection.anki21' : 'collection.anki2'] = collection;
    if (spec.version === 'legacy2') files['collection.anki2'] = await makeDummyCollection();
    files.media = toBytes(JSON.stringify(Object.fromEntries(media.map(({ name }, index) => [String(index), name]))));
  }
  return zipSync(files, { level: 1 });
}

/** The guid of the note Anki's dummy `collection.anki2` holds (its text asks to update Anki). */
export const DUMMY_GUID = 'dummy-please-update';

function makeDummyCollection(): Promise<Uint8Array> {
  const text = 'This file requires a newer version of Anki.';
  return makeCollection(
    [{ guid: DUMMY_GUID, type: 'basic', fields: [text, 'Please update to the latest Anki version.'] }],
    false,
    2,
  );
}

async function makeCollection(
  notes: readonly FixtureNote[],
  latest: boolean,
  schedulerVersion?: number,
): Promise<Uint8Array> {
  const { Database } = await loadSqlJs();
  const db = new Database();
  db.run(SCHEMA_11);
  const deckIds = new Map<string, number>([['Default', 1]]);
  for (const note of notes) if (note.deck && !deckIds.has(note.deck)) deckIds.set(note.deck, 1000 + deckIds.size);
  const conf = JSON.stringify(schedulerVersion === undefined || latest ? {} : { schedVer: schedulerVersion });
  const models = latest
    ? ''
    : JSON.stringify(Object.fromEntries(Object.values(NOTETYPES).map((type) => [type.id, toModelJson(type)])));
  const decks = latest ? '' : JSON.stringify(Object.fromEntries([...deckIds].map(([name, id]) => [id, { id, name }])));
  db.run('INSERT INTO col VALUES (1, 1700000000, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [conf, models, decks, '{}', '{}']);
  if (latest) writeSchema18(db, deckIds, schedulerVersion);
  // One transaction: sql.js writes a journal to its in-memory files for each one.
  db.run('BEGIN');
  insertNotes(db, notes, deckIds);
  db.run('COMMIT');
  const bytes = db.export();
  db.close();
  return bytes;
}

function insertNotes(db: SqlDatabase, notes: readonly FixtureNote[], deckIds: ReadonlyMap<string, number>): void {
  const addNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, 0, 0, 0, ?)');
  const addCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
  const addReview = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, ?, ?, ?)');
  let cardId = 1;
  notes.forEach((note, index) => {
    const noteId = index + 1;
    const tags = note.tags?.length ? ` ${note.tags.join(' ')} ` : '';
    addNote.run([noteId, note.guid, NOTETYPES[note.type].id, tags, note.fields.join('\u001f'), '']);
    for (const card of note.cards ?? defaultCards(note)) {
      const id = cardId++;
      const reviewed = (card.reviews?.length ?? 0) > 0;
      const type = card.type ?? (reviewed ? 2 : 0);
      addCard.run([
        id,
        noteId,
        deckIds.get(note.deck ?? 'Default') ?? 1,
        card.ord,
        card.modified ?? 1700000000,
        type,
        card.queue ?? type,
        '',
      ]);
      for (const review of card.reviews ?? []) {
        addReview.run([review.at, id, review.ease, review.factor ?? 2500, review.time ?? 8000, review.type ?? 1]);
      }
    }
  });
  for (const statement of [addNote, addCard, addReview]) statement.free();
}

function defaultCards(note: FixtureNote): FixtureCard[] {
  if (note.type !== 'cloze') return NOTETYPES[note.type].templates.map((_, ord) => ({ ord }));
  const numbers = new Set([...(note.fields[0] ?? '').matchAll(/\{\{c(\d+)::/g)].map(([, number]) => Number(number)));
  return [...numbers].sort((a, b) => a - b).map((number) => ({ ord: number - 1 }));
}

function toModelJson(type: Notetype) {
  return {
    id: type.id,
    name: type.name,
    type: type.kind,
    flds: type.fields.map((name, ord) => ({ name, ord })),
    tmpls: type.templates.map(([name, qfmt, afmt], ord) => ({ name, ord, qfmt, afmt })),
  };
}

function writeSchema18(db: SqlDatabase, deckIds: ReadonlyMap<string, number>, schedulerVersion?: number): void {
  // sql.js has no unicase collation: the tables are made with BINARY, then their schema is rewritten to say unicase.
  db.run(SCHEMA_18.replaceAll('COLLATE unicase', 'COLLATE binary'));
  for (const type of Object.values(NOTETYPES)) {
    db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [
      type.id,
      type.name,
      message([
        [1, type.kind],
        [3, '.card {}'],
      ]),
    ]);
    type.fields.forEach((name, ord) =>
      db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [type.id, ord, name, message([])]),
    );
    type.templates.forEach(([name, question, answer], ord) =>
      db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [
        type.id,
        ord,
        name,
        message([
          [1, question],
          [2, answer],
        ]),
      ]),
    );
  }
  for (const [name, id] of deckIds)
    db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
      id,
      name.replaceAll('::', '\u001f'),
      message([]),
      message([]),
    ]);
  if (schedulerVersion !== undefined)
    db.run("INSERT INTO config VALUES ('schedVer', 0, 0, ?)", [toBytes(String(schedulerVersion))]);
  db.run('PRAGMA writable_schema = ON');
  db.run("UPDATE sqlite_master SET sql = replace(sql, 'COLLATE binary', 'COLLATE unicase')");
  db.run('PRAGMA writable_schema = OFF');
}

type ProtoValue = number | string | Uint8Array;

/** A protobuf message of varint, string and bytes fields. */
export function message(fields: readonly (readonly [number, ProtoValue])[]): Uint8Array {
  const out: number[] = [];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      out.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    out.push(rest);
  };
  for (const [number, value] of fields) {
    if (typeof value === 'number') {
      varint(number * 8);
      varint(value);
      continue;
    }
    const bytes = toBytes(value);
    varint(number * 8 + 2);
    varint(bytes.length);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

const MAX_RAW_BLOCK = 128 * 1024;

/** A zstd frame holding `data` in raw (stored) blocks: magic, a header with the content size, then the blocks. */
export function zstdFrame(data: Uint8Array): Uint8Array {
  const header = [0x28, 0xb5, 0x2f, 0xfd, 0xa0, ...littleEndian(data.length, 4)];
  const parts: Uint8Array[] = [Uint8Array.from(header)];
  let offset = 0;
  do {
    const size = Math.min(MAX_RAW_BLOCK, data.length - offset);
    const last = offset + size >= data.length ? 1 : 0;
    parts.push(Uint8Array.from(littleEndian(size * 8 + last, 3)), data.subarray(offset, offset + size));
    offset += size;
  } while (offset < data.length);
  return Buffer.concat(parts);
}

function littleEndian(value: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, index) => Math.floor(value / 256 ** index) % 256);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}
