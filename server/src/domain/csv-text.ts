/**
 * CSV lines as csv-stringify writes them with its defaults (comma, `"` quotes doubled, `\n`
 * after every record, a field quoted when it holds a comma, a quote or a line feed). An export
 * writes a million records: plain string building spares the library's per-record stream chunk
 * and per-field option handling, and a test (tests/unit/domain/csv-text.test.ts) holds the
 * output to the library's, byte for byte.
 */

/** The byte order mark that tells a spreadsheet the file is UTF-8. */
export const BOM = '\ufeff';

const NEEDS_QUOTES = /[",\n]/;
const QUOTE = /"/g;

const field = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;

/** One record and its line feed. */
export const csvLine = (cells: readonly string[]): string => {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    if (i > 0) line += ',';
    line += field(cells[i]);
  }
  return `${line}\n`;
};
