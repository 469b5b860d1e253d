/**
 * The databases the plugin runs on (docs/design.md#databases), checked at boot so that any other
 * stops it with one sentence instead of an obscure SQL error at the first write. SQLite: 3.35
 * brought `RETURNING`, which the ingest and the deletion batches use; PostgreSQL: 12 is the
 * oldest release the triggers' transition tables and `EXECUTE FUNCTION` are tested on; MySQL
 * 8.0 and MariaDB 10.6 are the first with `SKIP LOCKED`, which the purge batches take.
 */

interface Minimum {
  name: string;
  major: number;
  minor: number;
}

const MINIMUMS: Record<string, Minimum> = {
  sqlite: { name: 'SQLite', major: 3, minor: 35 },
  postgres: { name: 'PostgreSQL', major: 12, minor: 0 },
  mysql: { name: 'MySQL', major: 8, minor: 0 },
  mariadb: { name: 'MariaDB', major: 10, minor: 6 },
};

const names = Object.values(MINIMUMS).map(
  ({ name, major, minor }) => `${name} ${major}${minor > 0 ? `.${minor}` : ''} or later`
);
const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The leading `major.minor` of a version string such as `15.18 (Debian 15.18-0+deb12u1)`. */
const parseVersion = (version: string): { major: number; minor: number } | null => {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2] ?? 0) } : null;
};

/**
 * Why the plugin cannot run on this database, in one sentence naming it and the supported
 * list; null when it can. `client`: Strapi's dialect (`sqlite`, `postgres`, `mysql`); Strapi
 * names MariaDB `mysql` too, and MariaDB says so in its version (`10.11.19-MariaDB-…`).
 */
export const unsupportedDatabase = (client: string, version: string): string | null => {
  const server = client === 'mysql' && /mariadb/i.test(version) ? 'mariadb' : client;
  const minimum = MINIMUMS[server];
  if (!minimum) {
    return `call-history does not run on the database client "${client}": it supports ${listed}.`;
  }
  const parsed = parseVersion(version);
  const tooOld =
    !parsed ||
    parsed.major < minimum.major ||
    (parsed.major === minimum.major && parsed.minor < minimum.minor);
  return tooOld
    ? `call-history does not run on ${minimum.name} ${version.trim()}: it supports ${listed}.`
    : null;
};
