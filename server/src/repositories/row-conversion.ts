import type { ColumnAttribute } from '../database/call-record-columns';

/**
 * Rows read with raw knex, converted as the Query Engine converts the rows it reads: json
 * parsed, datetimes as ISO strings, booleans from SQLite's 0/1, numbers as numbers.
 *
 * What each driver hands over differs, and every shape meets the same conversion: a datetime is
 * epoch milliseconds (SQLite) or a Date (PostgreSQL; mysql2 reads DATETIME in its connection
 * zone, as it wrote it); json is text (SQLite, MariaDB's JSON-checked LONGTEXT) or already
 * parsed (PostgreSQL, MySQL 8's JSON); a big integer is a string (mysql2 with Strapi's
 * `bigNumberStrings`); a boolean is 0/1 (SQLite) or already one (Strapi's mysql2 `typeCast`
 * reads TINYINT(1) as a boolean).
 *
 * Mirrors the `fromDB` of `@strapi/database` 4.26's fields (dist/index.js: StringField,
 * JSONField, NumberField, DatetimeField, TimestampField, BooleanField; createField and
 * fromRow), for the scalar types a call uses. It is copied because that package exports only
 * `Database`, `errors` and `isKnexQuery`: its fields are bundled, out of reach of a plugin, and
 * the Query Engine's own reads cannot run the keyset, capped-count and sample statements.
 * Search pages must answer the Query Engine's shapes (tests/integration/call-search.test.ts
 * checks them against it), so a Strapi upgrade that changes a conversion shows there.
 */

/** One value as the Query Engine answers it for an attribute of `type`. */
export const fromDb = (type: string, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'json':
    case 'blocks':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    case 'datetime': {
      const date = new Date(value as string | number | Date);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    case 'timestamp': {
      const date = new Date(value as string | number | Date);
      return Number.isNaN(date.getTime()) ? null : String(date.getTime());
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return String(value) === '1' ? true : String(value) === '0' ? false : null;
    case 'integer':
    case 'float':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'biginteger':
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'enumeration':
      return String(value);
    default:
      return value;
  }
};

/** A raw row keyed by column, as attribute names and Query Engine values (these attributes only). */
export const fromRow = (
  attributes: readonly ColumnAttribute[],
  row: Record<string, unknown>
): Record<string, unknown> => {
  const converted: Record<string, unknown> = {};
  for (const attribute of attributes) {
    converted[attribute.name] = fromDb(attribute.type, row[attribute.column]);
  }
  return converted;
};

/**
 * An export row (domain/export-row.ts) converted in place as `fromRow` converts a row, value by
 * value by `types` (null: a value read besides the attributes, left as it is), but each
 * datetime as a Date: the CSV writes every time in UTC and in the viewer's zone from the
 * instant itself, where an ISO string would be written, then parsed back, twice a row.
 */
export const convertRowInPlaceWithDates = (
  types: ReadonlyArray<string | null>,
  row: unknown[]
): unknown[] => {
  for (let position = 0; position < types.length; position += 1) {
    const type = types[position];
    if (type === null) continue;
    const value = row[position];
    if (type === 'datetime' && value !== null && value !== undefined) {
      const date = new Date(value as string | number | Date);
      row[position] = Number.isNaN(date.getTime()) ? null : date;
      continue;
    }
    const converted = fromDb(type, value);
    // Texts and numbers come as they are answered: no write.
    if (converted !== value) row[position] = converted;
  }
  return row;
};
