import fs from 'node:fs';
import { createRequire } from 'node:module';

/** A value of a SQLite column as sql.js returns it. */
export type SqlValue = number | string | Uint8Array | null;

/** The parts of a sql.js database flashdeck uses (sql.js ships no types). */
export interface SqlDatabase {
  run(sql: string, params?: SqlValue[]): void;
  prepare(sql: string): SqlStatement;
  export(): Uint8Array;
  close(): void;
}

/** A prepared sql.js statement. */
export interface SqlStatement {
  bind(values: SqlValue[]): boolean;
  step(): boolean;
  get(): SqlValue[];
  run(values?: SqlValue[]): void;
  free(): boolean;
}

/** sql.js once its WebAssembly is loaded. */
export interface SqlJs {
  Database: new (data?: Uint8Array) => SqlDatabase;
}

let loaded: Promise<SqlJs> | undefined;

/** Loads sql.js and its WebAssembly file, once, only when a package is read (the CLI starts without it). */
export function loadSqlJs(): Promise<SqlJs> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const init = require('sql.js') as (config: { wasmBinary: Uint8Array }) => Promise<SqlJs>;
    loaded = init({ wasmBinary: fs.readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) });
  }
  return loaded;
}

/** The rows of a query, one at a time, so a large table is never held whole as JavaScript values. */
export function* queryRows(db: SqlDatabase, sql: string): Generator<SqlValue[]> {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) yield statement.get();
  } finally {
    statement.free();
  }
}
