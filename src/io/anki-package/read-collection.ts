import type {
  AnkiCard,
  AnkiCollection,
  AnkiNote,
  AnkiNotetype,
  AnkiRevlogRow,
  AnkiTemplate,
} from '../../core/transfer/anki-package/collection.js';
import { getProtoNumber, getProtoString, readProtoFields } from '../../core/transfer/anki-package/protobuf.js';
import type { Database, SqlValue } from 'sql.js';
import { streamRows } from '../sqlite/sqlite.js';

// Queries never compare or sort the name columns of schema 18: they are declared `COLLATE unicase`, a collation
// only Anki defines, and SQLite refuses any statement that needs it.

/** Note types, decks and scheduler of a collection, from schema 11's `col` JSON or schema 18's own tables. */
export function readCollection(db: Database, collectionFile: string): AnkiCollection {
  // Destructured, so the statement is freed once its one row is read.
  const [[created = 0, conf = '{}', models = '', decks = ''] = []] = streamRows(
    db,
    'SELECT crt, conf, models, decks FROM col',
  );
  const schedulerVersion = readSchedulerVersion(db, conf);
  // Anki's first scheduler wrote `collection.anki2` packages; later ones write `collection.anki21(b)`.
  const threeButtonLearning =
    schedulerVersion === undefined ? collectionFile === 'collection.anki2' : schedulerVersion === 1;
  const common = { created: Number(created), threeButtonLearning };
  if (hasTable(db, 'notetypes')) return { ...common, notetypes: readNotetypeTables(db), decks: readDeckTable(db) };
  return { ...common, notetypes: readModelsJson(String(models)), decks: readDecksJson(String(decks)) };
}

/** Every note, by id. */
export function* readNotes(db: Database): Generator<AnkiNote> {
  for (const [id, guid, notetypeId, tags, fields] of streamRows(
    db,
    'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id',
  )) {
    yield {
      id: Number(id),
      guid: String(guid),
      notetypeId: Number(notetypeId),
      fields: String(fields).split('\u001f'),
      tags: String(tags).split(/\s+/).filter(Boolean),
    };
  }
}

/** Every card, grouped by note id. */
export function readCards(db: Database): Map<number, AnkiCard[]> {
  const cards = new Map<number, AnkiCard[]>();
  const sql = 'SELECT id, nid, did, odid, ord, type, queue, mod, due, ivl, factor FROM cards ORDER BY nid, ord';
  for (const [id, noteId, deckId, originalDeckId, ord, type, queue, modified, due, interval, factor] of streamRows(
    db,
    sql,
  )) {
    const card: AnkiCard = {
      id: Number(id),
      noteId: Number(noteId),
      deckId: Number(originalDeckId) || Number(deckId),
      ord: Number(ord),
      type: Number(type),
      queue: Number(queue),
      modified: Number(modified),
      due: Number(due),
      interval: Number(interval),
      factor: Number(factor),
    };
    const list = cards.get(card.noteId);
    if (list) list.push(card);
    else cards.set(card.noteId, [card]);
  }
  return cards;
}

/** The review log in time order, a row at a time. */
export function* readRevlog(db: Database): Generator<AnkiRevlogRow> {
  for (const [id, cardId, ease, factor, time, type] of streamRows(
    db,
    'SELECT id, cid, ease, factor, time, type FROM revlog ORDER BY id',
  )) {
    yield {
      id: Number(id),
      cardId: Number(cardId),
      ease: Number(ease),
      factor: Number(factor),
      time: Number(time),
      type: Number(type),
    };
  }
}

function hasTable(db: Database, name: string): boolean {
  const statement = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${name}'`);
  try {
    return statement.step();
  } finally {
    statement.free();
  }
}

/** `schedVer` from schema 11's `col.conf`, or schema 18's `config` table; undefined when neither says. */
function readSchedulerVersion(db: Database, conf: SqlValue): number | undefined {
  let value = parseJson(String(conf))?.schedVer;
  if (value === undefined && hasTable(db, 'config')) {
    const [row] = streamRows(db, "SELECT val FROM config WHERE KEY = 'schedVer'");
    const bytes = row?.[0];
    if (bytes instanceof Uint8Array) value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  }
  return typeof value === 'number' ? value : undefined;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface ModelJson {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  flds?: { name?: unknown; ord?: unknown }[];
  tmpls?: { name?: unknown; ord?: unknown; qfmt?: unknown; afmt?: unknown }[];
}

function readModelsJson(models: string): Map<number, AnkiNotetype> {
  const notetypes = new Map<number, AnkiNotetype>();
  for (const [key, value] of Object.entries(parseJson(models) ?? {})) {
    const model = value as ModelJson;
    const fields = [...(model.flds ?? [])]
      .sort((a, b) => Number(a.ord) - Number(b.ord))
      .map((field) => String(field.name));
    const templates = (model.tmpls ?? []).map((template, index) => ({
      ord: typeof template.ord === 'number' ? template.ord : index,
      name: String(template.name ?? ''),
      question: String(template.qfmt ?? ''),
      answer: String(template.afmt ?? ''),
    }));
    const id = Number(model.id ?? key);
    notetypes.set(id, {
      id,
      name: String(model.name ?? ''),
      kind: model.type === 1 ? 'cloze' : 'normal',
      fields,
      templates,
    });
  }
  return notetypes;
}

function readDecksJson(decks: string): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const [key, deck] of Object.entries(parseJson(decks) ?? {})) {
    names.set(Number(key), String((deck as { name?: unknown }).name ?? '').split('::'));
  }
  return names;
}

// Notetype.Config.kind, Template.Config.q_format and a_format (proto/anki/notetypes.proto).
const CLOZE_KIND = 1;

function readNotetypeTables(db: Database): Map<number, AnkiNotetype> {
  const notetypes = new Map<number, AnkiNotetype>();
  for (const [id, name, config] of streamRows(db, 'SELECT id, name, config FROM notetypes')) {
    const kind = getProtoNumber(readProtoFields(config as Uint8Array), 1) === CLOZE_KIND ? 'cloze' : 'normal';
    notetypes.set(Number(id), { id: Number(id), name: String(name), kind, fields: [], templates: [] });
  }
  for (const [id, , name] of streamRows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) {
    notetypes.get(Number(id))?.fields.push(String(name));
  }
  for (const [id, ord, name, config] of streamRows(
    db,
    'SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord',
  )) {
    const fields = readProtoFields(config as Uint8Array);
    const template: AnkiTemplate = {
      ord: Number(ord),
      name: String(name),
      question: getProtoString(fields, 1),
      answer: getProtoString(fields, 2),
    };
    notetypes.get(Number(id))?.templates.push(template);
  }
  return notetypes;
}

function readDeckTable(db: Database): Map<number, string[]> {
  const names = new Map<number, string[]>();
  // Schema 18 keeps a deck's levels apart with \x1f, where schema 11 writes `::`.
  for (const [id, name] of streamRows(db, 'SELECT id, name FROM decks'))
    names.set(Number(id), String(name).split('\u001f'));
  return names;
}
