// The part of sql.js (which ships no types) that flashdeck uses.
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;

  export interface QueryResult {
    columns: string[];
    values: SqlValue[][];
  }

  export interface Statement {
    bind(values: SqlValue[]): boolean;
    step(): boolean;
    get(): SqlValue[];
    run(values?: SqlValue[]): void;
    free(): boolean;
  }

  export interface Database {
    exec(sql: string): QueryResult[];
    prepare(sql: string): Statement;
    run(sql: string, params?: SqlValue[]): Database;
    export(): Uint8Array;
    close(): void;
  }

  export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }

  export default function initSqlJs(config?: { wasmBinary?: Uint8Array }): Promise<SqlJsStatic>;
}
