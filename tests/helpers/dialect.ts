/** The database the integration tests run on: SQLite unless DATABASE_CLIENT says postgres. */
export const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

/**
 * A block that holds on one database only: skipped on the other, so it is counted as skipped
 * there instead of passing without checking anything.
 */
export const describeOnPostgres = onPostgres ? describe : describe.skip;
export const describeOnSqlite = onPostgres ? describe.skip : describe;
