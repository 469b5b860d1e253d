import type { Knex } from 'knex';

/** The part of knex's client a final statement runs through (knex/lib/client.js). */
interface StatementClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  query(
    connection: unknown,
    statement: { method: 'raw'; sql: string; bindings: unknown[]; options: object }
  ): Promise<{ response: unknown }>;
}

/** An identifier written as knex writes `??` for this database: once per statement text. */
export const quotedIdentifier = (knex: Knex, name: string): string =>
  knex.raw('??', [name]).toQuery();

/**
 * Runs a statement whose text is final (identifiers written in, every value a `?`) on the
 * transaction's connection, through knex's client: what `trx.raw(sql, values)` resolves to, the
 * same conversion and positioning of the values for the driver, the same `query` event and
 * error. What it skips is what `trx.raw` adds per call: a rescan of the text with a callback
 * per placeholder and a recursive walk of the values looking for `undefined`. For the batch
 * INSERTs of up to 10,000 values that was a third of the bytes an ingested call allocated
 * (docs/benchmarks.md, "What the heap kept"). No value may be `undefined`: the caller binds null.
 */
export const runFinalStatement = async (
  trx: Knex.Transaction,
  sql: string,
  values: unknown[]
): Promise<unknown> => {
  const client = trx.client as unknown as StatementClient;
  const connection = await client.acquireConnection();
  try {
    const done = await client.query(connection, {
      method: 'raw',
      sql,
      bindings: values,
      options: {},
    });
    return done.response;
  } finally {
    await client.releaseConnection(connection);
  }
};
