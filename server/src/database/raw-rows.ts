/**
 * The rows of a `knex.raw` SELECT, whatever the driver: better-sqlite3 answers the rows,
 * node-postgres `{ rows }`, mysql2 `[rows, fields]`.
 */
export const rawRows = (result: unknown): Array<Record<string, unknown>> => {
  if (Array.isArray(result)) {
    return (Array.isArray(result[0]) ? result[0] : result) as Array<Record<string, unknown>>;
  }
  return ((result as { rows?: unknown[] } | null)?.rows ?? []) as Array<Record<string, unknown>>;
};
