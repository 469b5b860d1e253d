'use strict';

/**
 * The database's plans for a search page, its capped count and, where the plugin chooses the
 * index, its two samples: EXPLAIN of the very statements the built plugin runs, on the index
 * its plan chose. For the integration tests and the search benchmark (needs `npm run build`).
 */
const path = require('path');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src');
const { callRecordColumns } = require(path.join(DIST, 'database', 'call-record-columns'));
const { callRecordsRepository } = require(path.join(DIST, 'repositories', 'call-records'));
const { countSql, pageSql } = require(path.join(DIST, 'repositories', 'call-search-sql'));
const { readsInPeriodOrder, sortOrder } = require(path.join(DIST, 'domain', 'search-sort'));
const { periodSampleSql, pluginChoosesIndex, rangeSampleSql } = require(
  path.join(DIST, 'repositories', 'search-index-plan')
);

/** A page of the admin's default size (20) and the row that says "more". */
const PAGE_ROWS = 21;
/** The default total cap. */
const CAP = 10000;

/**
 * `after`: the previous page's last row, `{ startTime, id }` in a time order or `{ key, id }`;
 * `sort`: one of the search's sorts, newest first by default; `plan`: the plan's choices, in
 * place of the plugin's own (to see a choice the test data would not make).
 */
const explainSearch = async (
  strapi,
  filters,
  after = null,
  sort = 'startTime:desc',
  plan = undefined
) => {
  const knex = strapi.db.connection;
  const dialect = strapi.db.dialect.client;
  const sqlite = dialect === 'sqlite';
  const { table } = callRecordColumns(strapi);
  const chosen = plan ?? (await callRecordsRepository(strapi).plan(filters, PAGE_ROWS));
  const order = sortOrder(sort);
  const keyset = {
    order,
    after: after && { key: after.key === undefined ? after.startTime : after.key, id: after.id },
  };
  const pageAccess = chosen ? chosen[readsInPeriodOrder(order) ? 'page' : 'scan'] : null;
  const statements = [
    pageSql(knex, dialect, table, filters, keyset, PAGE_ROWS, pageAccess),
    countSql(knex, dialect, table, filters, CAP, chosen ? chosen.scan : null),
    ...(pluginChoosesIndex(dialect, filters)
      ? [rangeSampleSql(knex, table, filters), periodSampleSql(knex, table, filters)]
      : []),
  ];
  const plans = [];
  for (const statement of statements) {
    const { sql, bindings } = statement.toSQL();
    const result = await knex.raw(`${sqlite ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`, bindings);
    if (sqlite) plans.push(...result.map((row) => String(row.detail)));
    // MySQL and MariaDB: one row per table read, as `table access-type index extra`.
    else if (dialect === 'mysql') {
      plans.push(
        ...result[0].map((row) =>
          [row.table, row.type, row.key ?? '-', row.Extra ?? ''].join(' ').trim()
        )
      );
    } else plans.push(...result.rows.map((row) => String(Object.values(row)[0])));
  }
  return plans;
};

module.exports = { explainSearch };
