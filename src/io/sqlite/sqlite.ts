import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

// The first 16 bytes of every SQLite 3 database file (https://www.sqlite.org/fileformat.html).
const SQLITE_HEADER = new TextEncoder().encode('SQLite format 3\0');

let sqlJs: Promise<SqlJsStatic> | undefined;

/** Whether the bytes are an SQLite database, by its header (not its name). */
export function isSqliteDatabase(bytes: Uint8Array): boolean {
  return bytes.length >= SQLITE_HEADER.length && SQLITE_HEADER.every((byte, index) => bytes[index] === byte);
}

/**
 * An SQLite database read from its bytes, in memory. sql.js and its WebAssembly load only here, at the first call,
 * so no other command pays for them; the .wasm file is found beside the package wherever the code was bundled.
 */
export async function openSqliteDatabase(bytes?: Uint8Array): Promise<Database> {
  return new (await loadSqlJs()).Database(bytes);
}

/** sql.js with its WebAssembly, loaded once, at the first call. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= import('sql.js').then(({ default: initSqlJs }) => {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    return initSqlJs({ wasmBinary: readFileSync(wasm) });
  });
  return sqlJs;
}

/** The rows a query returns, each as an object keyed by column name. */
export function queryRows(database: Database, sql: string): Record<string, SqlValue>[] {
  return database
    .exec(sql)
    .flatMap(({ columns, values }) =>
      values.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null]))),
    );
}

/** The rows of a query, one at a time, so a large table is never held whole as JavaScript values. */
export function* streamRows(database: Database, sql: string): Generator<SqlValue[]> {
  const statement = database.prepare(sql);
  try {
    while (statement.step()) yield statement.get();
  } finally {
    statement.free();
  }
}
