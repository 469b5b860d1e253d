/**
 * The database the integration tests run on: SQLite unless DATABASE_CLIENT says `postgres` or
 * `mysql` (MariaDB or MySQL, through the mysql2 driver).
 */
const client = process.env.DATABASE_CLIENT ?? 'sqlite';
export const onPostgres = client === 'postgres';
export const onMysql = client === 'mysql' || client === 'mysql2';
export const onSqlite = !onPostgres && !onMysql;

/**
 * A block that holds on some databases only: skipped on the others, so it is counted as skipped
 * there instead of passing without checking anything.
 */
export const describeOnPostgres = onPostgres ? describe : describe.skip;
export const describeOnSqlite = onSqlite ? describe : describe.skip;
export const describeOnMysql = onMysql ? describe : describe.skip;
/** Database servers that several Strapi processes share (PostgreSQL, MariaDB/MySQL). */
export const describeOnServer = onSqlite ? describe.skip : describe;
