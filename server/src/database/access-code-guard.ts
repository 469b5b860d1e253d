import type { Strapi } from '@strapi/types';

import { UID } from '../constants';
import { getDb } from '../utils/strapi';

import { dialectOf } from './dialect';
import { columnOf, tableOf } from './metadata';
import { existingMysqlTriggers, quoteMysqlIdentifier, withMysqlSetupLock } from './mysql-setup';

/**
 * Access codes are unique across chatbots and IVR flows together (docs/design.md#content-types). The bot
 * lifecycles check it with a clear error, but a check in JavaScript and the insert that follows
 * are two steps: two concurrent creates (one robot, one IVR flow, same code) both pass the check.
 * A unique index covers one table only, so the database enforces the cross-table rule itself
 * with triggers, created if missing on every boot (SQLite drops a table's triggers whenever a
 * schema change makes knex rebuild the table).
 *
 * SQLite runs one write at a time, so the trigger's lookup and the insert are atomic. On
 * PostgreSQL concurrent transactions do not see each other's rows, so the trigger first takes a
 * transaction-scoped advisory lock on the code: the second writer waits for the first to commit,
 * then sees its row. MySQL and MariaDB have no transaction-scoped named lock (GET_LOCK outlives
 * the transaction), so there the trigger claims the code in a table of claims: the upsert locks
 * the claim's row until commit, the second writer waits on it, then its locking read of the other
 * table sees the first writer's committed row, whatever the isolation level.
 */

export const ACCESS_CODE_TAKEN =
  'call-history: accessCode is already used by another robot or IVR flow';

/** Whether a database error is one of these triggers refusing a write. */
export const isAccessCodeTaken = (error: unknown): boolean =>
  error instanceof Error && error.message.includes(ACCESS_CODE_TAKEN);

const PG_FUNCTION = 'call_history_access_code_guard';
// One key for the set-up itself, so that two nodes booting together do not race on the DDL.
const SETUP_LOCK = 'call-history:access-code-guard';

interface GuardedTable {
  table: string;
  column: string;
  other: { table: string; column: string };
}

const guardedTables = (strapi: Strapi): GuardedTable[] => {
  const chatbots = {
    table: tableOf(strapi, UID.chatbot),
    column: columnOf(strapi, UID.chatbot, 'accessCode'),
  };
  const ivrFlows = {
    table: tableOf(strapi, UID.ivrFlow),
    column: columnOf(strapi, UID.ivrFlow, 'accessCode'),
  };
  return [
    { ...chatbots, other: ivrFlows },
    { ...ivrFlows, other: chatbots },
  ];
};

const sqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

const triggerName = (table: string, event: 'insert' | 'update') =>
  `${table}_access_code_${event}_guard`;

const ensureSqliteGuards = async (strapi: Strapi, tables: GuardedTable[]) => {
  const knex = getDb(strapi).connection;
  for (const { table, column, other } of tables) {
    for (const event of ['insert', 'update'] as const) {
      const timing = event === 'insert' ? 'BEFORE INSERT ON ??' : 'BEFORE UPDATE OF ?? ON ??';
      const target = event === 'insert' ? [table] : [column, table];
      await knex.raw(
        `CREATE TRIGGER IF NOT EXISTS ?? ${timing}
         WHEN EXISTS (SELECT 1 FROM ?? WHERE ?? = NEW.??)
         BEGIN SELECT RAISE(ABORT, '${ACCESS_CODE_TAKEN}'); END`,
        [triggerName(table, event), ...target, other.table, other.column, column]
      );
    }
  }
};

const ensurePostgresGuards = async (strapi: Strapi, tables: GuardedTable[]) => {
  await getDb(strapi).connection.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [SETUP_LOCK]);
    // Arguments: the other table, its column, this table's column.
    await trx.raw(`CREATE OR REPLACE FUNCTION ${PG_FUNCTION}() RETURNS trigger
      LANGUAGE plpgsql AS $guard$
      DECLARE
        code text := to_jsonb(NEW) ->> TG_ARGV[2];
        taken boolean;
      BEGIN
        IF code IS NULL THEN RETURN NEW; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('call-history:access-code:' || code));
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1])
          INTO taken USING code;
        IF taken THEN
          RAISE EXCEPTION '${ACCESS_CODE_TAKEN}' USING ERRCODE = 'unique_violation';
        END IF;
        RETURN NEW;
      END $guard$`);
    for (const { table, column, other } of tables) {
      for (const event of ['insert', 'update'] as const) {
        const name = triggerName(table, event);
        const exists = await trx.raw(
          `SELECT 1 FROM pg_trigger WHERE tgname = ? AND tgrelid = to_regclass(?)`,
          [name, table]
        );
        if ((exists as { rowCount: number }).rowCount > 0) continue;
        const timing = event === 'insert' ? 'INSERT' : 'UPDATE OF ??';
        const target = event === 'insert' ? [table] : [column, table];
        // Trigger arguments are literals in the DDL: a statement of this kind takes no parameters.
        const args = [other.table, other.column, column].map(sqlLiteral).join(', ');
        await trx.raw(
          `CREATE TRIGGER ?? BEFORE ${timing} ON ?? FOR EACH ROW
           EXECUTE FUNCTION ${PG_FUNCTION}(${args})`,
          [name, ...target]
        );
      }
    }
  });
};

const MYSQL_CLAIMS = 'call_history_access_code_claims';

const ensureMysqlGuards = async (strapi: Strapi, tables: GuardedTable[]) => {
  await withMysqlSetupLock(getDb(strapi).connection, SETUP_LOCK, async (trx) => {
    await trx.raw(
      `CREATE TABLE IF NOT EXISTS ?? (code VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
         NOT NULL PRIMARY KEY) ENGINE = InnoDB`,
      [MYSQL_CLAIMS]
    );
    const existing = await existingMysqlTriggers(trx);
    for (const { table, column, other } of tables) {
      for (const event of ['insert', 'update'] as const) {
        const name = triggerName(table, event);
        if (existing.has(name)) continue;
        const code = `NEW.${quoteMysqlIdentifier(column)}`;
        // An update that keeps the code claims nothing: the row already holds it.
        const changed =
          event === 'update' ? ` AND NOT (${code} <=> OLD.${quoteMysqlIdentifier(column)})` : '';
        // Trigger bodies take no bindings: identifiers are quoted here.
        await trx.raw(
          `CREATE TRIGGER ${quoteMysqlIdentifier(name)} BEFORE ${event.toUpperCase()} ON ${quoteMysqlIdentifier(table)}
           FOR EACH ROW BEGIN
             IF ${code} IS NOT NULL${changed} THEN
               INSERT INTO ${quoteMysqlIdentifier(MYSQL_CLAIMS)} (code) VALUES (${code})
                 ON DUPLICATE KEY UPDATE code = code;
               IF EXISTS (SELECT 1 FROM ${quoteMysqlIdentifier(other.table)}
                   WHERE ${quoteMysqlIdentifier(other.column)} = ${code} LOCK IN SHARE MODE) THEN
                 SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = '${ACCESS_CODE_TAKEN}';
               END IF;
             END IF;
           END`
        );
      }
    }
  });
};

export const ensureAccessCodeGuards = async (strapi: Strapi) => {
  const tables = guardedTables(strapi);
  const dialect = dialectOf(strapi);
  if (dialect === 'postgres') await ensurePostgresGuards(strapi, tables);
  else if (dialect === 'mysql') await ensureMysqlGuards(strapi, tables);
  else await ensureSqliteGuards(strapi, tables);
};
