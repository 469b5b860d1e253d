/**
 * Whether mysql2 writes JavaScript dates as UTC wall times (docs/design.md#databases): its
 * `timezone` option is `local` by default, i.e. the Node process's zone, and MySQL's DATETIME
 * keeps whatever wall time it is given. `localOffsets`: the process zone's offsets in minutes
 * over a year (winter and summer), since a zone with daylight saving is UTC for half of it.
 */
export const driverWritesUtc = (timezone: string | undefined, localOffsets: number[]): boolean => {
  const zone = (timezone ?? 'local').trim();
  if (zone === 'local') return localOffsets.every((offset) => offset === 0);
  return /^(Z|[+-]00:?00|UTC)$/i.test(zone);
};
