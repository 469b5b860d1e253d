import type { Strapi } from '@strapi/types';
import type { Knex } from 'knex';

import { UID } from '../constants';
import { getDb } from '../utils/strapi';

import { dialectOf } from './dialect';
import { columnOf, tableOf } from './metadata';
import { mysqlRows, withMysqlSetupLock } from './mysql-setup';

/**
 * Numbers, access codes and call ids are compared byte for byte on every database
 * (docs/design.md#databases). MySQL and MariaDB compare strings by the column's collation, and
 * the ones Strapi's guide creates databases with (`utf8mb4_unicode_ci`, `utf8mb4_0900_ai_ci`)
 * fold case, accents and full-width digits: `ABC-1` would be a duplicate of `abc-1`, and a
 * search for `８６138*` would find `86138…`. These columns get a binary collation instead, at
 * every boot (Strapi's schema sync recreates a column it alters with the database's default).
 */
const EXACT: Array<{ uid: string; attributes: string[] }> = [
  {
    uid: UID.callRecord,
    attributes: ['callId', 'callingNumber', 'callingNumberReversed', 'calledNumber', 'accessCode'],
  },
  { uid: UID.chatbot, attributes: ['accessCode'] },
  { uid: UID.ivrFlow, attributes: ['accessCode'] },
  { uid: UID.callRollup, attributes: ['accessCode', 'botKind'] },
  { uid: UID.callRollupHour, attributes: ['accessCode', 'botKind'] },
];

/**
 * Binary, and NO PAD: `utf8mb4_bin` is PAD SPACE, so `'call-1 '` would equal `'call-1'`, and a
 * call whose id ends in a space would be taken for another. MariaDB names its binary NO PAD
 * collation `utf8mb4_nopad_bin`, MySQL (8.0.17+) `utf8mb4_0900_bin`; `utf8mb4_bin` is the
 * fallback on a server with neither.
 */
const COLLATIONS = ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin', 'utf8mb4_bin'];
const SETUP_LOCK = 'call-history:exact-collation';

const exactCollation = async (trx: Knex.Transaction): Promise<string> => {
  const present = new Set(
    mysqlRows<{ name: string }>(
      await trx.raw(
        `SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN (${COLLATIONS.map(() => '?').join(', ')})`,
        COLLATIONS
      )
    ).map((row) => row.name)
  );
  return COLLATIONS.find((name) => present.has(name)) ?? 'utf8mb4_bin';
};

interface ColumnRow {
  name: string;
  type: string;
  nullable: string;
  collation: string | null;
}

export const ensureExactCollation = async (strapi: Strapi) => {
  if (dialectOf(strapi) !== 'mysql') return;
  await withMysqlSetupLock(getDb(strapi).connection, SETUP_LOCK, async (trx) => {
    const collation = await exactCollation(trx);
    for (const { uid, attributes } of EXACT) {
      const table = tableOf(strapi, uid);
      const wanted = attributes.map((attribute) => columnOf(strapi, uid, attribute));
      const columns = mysqlRows<ColumnRow>(
        await trx.raw(
          `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
             COLLATION_NAME AS collation
           FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`,
          [table]
        )
      ).filter((column) => wanted.includes(column.name) && column.collation !== collation);
      if (columns.length === 0) continue;
      // COLUMN_TYPE is the database's own spelling (`varchar(255)`), safe to restate.
      const modify = columns
        .map(
          (column) =>
            `MODIFY ?? ${column.type} CHARACTER SET utf8mb4 COLLATE ${collation} ${column.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`
        )
        .join(', ');
      await trx.raw(`ALTER TABLE ?? ${modify}`, [table, ...columns.map((column) => column.name)]);
    }
  });
};
