// The part of sql.js (which ships no types) that flashdeck uses.
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;

  export interface QueryResult {
    columns: string[];
    values: SqlValue[][];
  }

  export interface Database {
    exec(sql: string): QueryResult[];
    run(sql: string, params?: SqlValue[]): Database;
    export(): Uint8Array;
    close(): void;
  }

  export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }

  export default function initSqlJs(config?: { wasmBinary?: Uint8Array }): Promise<SqlJsStatic>;
}
