import { createRequire } from 'node:module';
import { FlashError } from '../../core/errors.js';
import {
  getProtoMessages,
  getProtoNumber,
  getProtoString,
  readProtoFields,
} from '../../core/transfer/anki-package/protobuf.js';
import type { Database } from 'sql.js';
import { isSqliteDatabase, openSqliteDatabase } from '../sqlite/sqlite.js';

/** An Anki package opened: its collection's database, and its media files by the names fields give them. */
export interface AnkiPackage {
  /** The collection file read: `collection.anki21b`, `collection.anki21` or `collection.anki2`. */
  collectionFile: string;
  db: Database;
  /** Each media file's name (as fields write it) and the zip entry that holds it. */
  media: Map<string, string>;
  /**
   * The contents of media files by zip entry, a batch at a time (a package's media may be larger than memory); null
   * for a file that cannot be decompressed.
   */
  readMedia(entries: readonly string[]): Map<string, Uint8Array | null>;
  close(): void;
}

// PackageMetadata.Version (proto/anki/import_export.proto).
const LATEST = 3;
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const ZIP_MAGIC = [0x50, 0x4b];

type Fflate = typeof import('fflate');
type Fzstd = typeof import('fzstd');

// Loaded with the first package: plain imports and every other command start without them.
const require = createRequire(import.meta.url);
const fflate = () => require('fflate') as Fflate;
const fzstd = () => require('fzstd') as Fzstd;

// "SQLite format 3" and its NUL: the first bytes of every SQLite database.

/**
 * True for what `openAnkiPackage` reads: a file named `.apkg` or `.colpkg`, a zip file holding an Anki collection (a
 * spreadsheet is a zip file too), or an SQLite database (a collection file taken out of its package).
 */
export function isAnkiPackage(bytes: Uint8Array, file: string): boolean {
  if (/\.(?:apkg|colpkg)$/i.test(file) || isSqliteDatabase(bytes)) return true;
  return (
    startsWith(bytes, ZIP_MAGIC) &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('collection.anki2')
  );
}

/**
 * Opens an Anki package (`.apkg`, `.colpkg`) of any version: the current one (a `meta` saying so, a zstd-compressed
 * `collection.anki21b`, a zstd-compressed protobuf media list and media; its `collection.anki2` is a dummy asking to
 * update Anki, never read), or a legacy one (`collection.anki21`, else `collection.anki2`, and a JSON media list).
 * Throws a FlashError naming `name` and what to do when the package cannot be read.
 */
export async function openAnkiPackage(bytes: Uint8Array, name: string): Promise<AnkiPackage> {
  const damaged = (what: string) =>
    new FlashError(`${name} is an Anki package, but ${what}: export it from Anki again and import the new file.`);
  if (isSqliteDatabase(bytes)) return openBareCollection(bytes, name, damaged);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new FlashError(
      `${name} is named like an Anki package but is not one (not a zip file): export the deck from Anki again (File > Export, "Anki Deck Package") and import that file.`,
    );
  }
  const entries = new Set<string>();
  try {
    fflate().unzipSync(bytes, { filter: (file) => (entries.add(file.name), false) });
  } catch {
    throw damaged('its zip is damaged');
  }
  const readEntry = (entry: string): Uint8Array | undefined => {
    try {
      return fflate().unzipSync(bytes, { filter: (file) => file.name === entry })[entry];
    } catch {
      throw damaged(`its ${entry} cannot be unpacked`);
    }
  };
  const version = readVersion(readEntry('meta'), entries, damaged);
  const collectionFile =
    version === LATEST
      ? 'collection.anki21b'
      : entries.has('collection.anki21')
        ? 'collection.anki21'
        : 'collection.anki2';
  const stored = entries.has(collectionFile) ? readEntry(collectionFile) : undefined;
  if (!stored) {
    throw new FlashError(
      `${name} is a zip file without an Anki collection in it (no ${collectionFile}): import a package exported from Anki (File > Export, .apkg or .colpkg).`,
    );
  }
  const compressed = version === LATEST;
  const unpack = (data: Uint8Array, what: string) => {
    try {
      return compressed || startsWith(data, ZSTD_MAGIC) ? fzstd().decompress(data) : data;
    } catch {
      throw damaged(`its ${what} cannot be decompressed`);
    }
  };
  const db = await openDatabase(unpack(stored, collectionFile), damaged);
  const mediaList = readEntry('media');
  const media = mediaList ? readMediaList(unpack(mediaList, 'media list'), compressed, damaged) : new Map();
  return {
    collectionFile,
    db,
    media,
    readMedia: (wanted) => {
      const names = new Set(wanted);
      let files: Record<string, Uint8Array>;
      try {
        files = fflate().unzipSync(bytes, { filter: (file) => names.has(file.name) });
      } catch {
        throw damaged('its media cannot be unpacked');
      }
      return new Map(Object.entries(files).map(([entry, data]) => [entry, compressed ? decompressOrNull(data) : data]));
    },
    close: () => db.close(),
  };
}

/** A collection file alone (`collection.anki2`, `.anki21`): its notes, cards and history, no media. */
async function openBareCollection(
  bytes: Uint8Array,
  name: string,
  damaged: (what: string) => Error,
): Promise<AnkiPackage> {
  const db = await openDatabase(bytes, damaged);
  return {
    collectionFile: name.endsWith('.anki21') ? 'collection.anki21' : 'collection.anki2',
    db,
    media: new Map(),
    readMedia: () => new Map(),
    close: () => db.close(),
  };
}

/** The package's version from its `meta` (absent in legacy packages: their collection file tells). */
function readVersion(meta: Uint8Array | undefined, entries: Set<string>, damaged: (what: string) => Error): number {
  if (!meta) return entries.has('collection.anki21b') ? LATEST : 0;
  let version: number;
  try {
    version = getProtoNumber(readProtoFields(meta), 1);
  } catch {
    throw damaged('its meta file is damaged');
  }
  if (version < 1 || version > LATEST) {
    throw new FlashError(
      `this Anki package was made by a newer Anki than flashdeck reads (package version ${version}): export it again with "Support older Anki versions" checked.`,
    );
  }
  return version;
}

async function openDatabase(data: Uint8Array, damaged: (what: string) => Error): Promise<Database> {
  try {
    const db = await openSqliteDatabase(data);
    // Its first query finds out whether it is a database at all.
    forgetUnicase(db);
    return db;
  } catch {
    throw damaged('its collection is not a readable database');
  }
}

/**
 * Schema 18 declares its name columns `COLLATE unicase`, a collation only Anki defines: SQLite refuses every statement
 * that needs it, and reading a WITHOUT ROWID table (`fields`, `templates`) does. The copy in memory is told they are
 * BINARY instead; names are only read, never compared, so nothing changes but that they can be read.
 */
function forgetUnicase(db: Database): void {
  db.run('PRAGMA writable_schema = ON');
  db.run(
    "UPDATE sqlite_master SET sql = replace(replace(sql, 'COLLATE unicase', 'COLLATE BINARY'), 'collate unicase', 'COLLATE BINARY') WHERE sql LIKE '%unicase%'",
  );
  db.run('PRAGMA writable_schema = RESET');
}

/**
 * The media list: a JSON map from zip entry to file name (legacy), or a protobuf MediaEntries whose n-th entry is zip
 * entry `n` (current).
 */
function readMediaList(data: Uint8Array, current: boolean, damaged: (what: string) => Error): Map<string, string> {
  const media = new Map<string, string>();
  try {
    if (current) {
      getProtoMessages(readProtoFields(data), 1).forEach((entry, index) =>
        media.set(getProtoString(readProtoFields(entry), 1), String(index)),
      );
    } else {
      const map = JSON.parse(new TextDecoder().decode(data)) as unknown;
      if (typeof map !== 'object' || map === null) throw new TypeError('not a map');
      for (const [entry, file] of Object.entries(map)) if (typeof file === 'string') media.set(file, entry);
    }
  } catch {
    throw damaged('its media list is damaged');
  }
  return media;
}

function decompressOrNull(data: Uint8Array): Uint8Array | null {
  try {
    return fzstd().decompress(data);
  } catch {
    return null;
  }
}

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => data[index] === byte);
}
