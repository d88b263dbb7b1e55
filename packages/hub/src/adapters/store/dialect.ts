/**
 * The SQL dialects the store runs on. In a file of its own so that the migrations, which
 * `database.ts` lists, can name it without importing `database.ts` back (an import cycle).
 */
export type Dialect = "sqlite" | "postgres";
