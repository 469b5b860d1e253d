import { stringify } from 'csv-stringify/sync';

import { BOM, csvLine } from '../../../server/src/domain/csv-text';

/** A seeded PRNG (Park–Miller), so a failure names a reproducible case. */
const seeded = (seed: number) => {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
};

// Every character csv-stringify treats specially, and some it must leave alone.
const ALPHABET = [
  'a',
  'Z',
  '1',
  ',',
  '"',
  '\n',
  '\r',
  '\t',
  ' ',
  "'",
  '=',
  '+',
  '-',
  '@',
  '中',
  '😀',
  '\\',
  ';',
];

describe('CSV text', () => {
  it('writes what csv-stringify writes with its defaults, byte for byte', () => {
    const random = seeded(12);
    const cell = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => ALPHABET[Math.floor(random() * ALPHABET.length)]
      ).join('');
    const records = Array.from({ length: 5000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 5) }, cell)
    );
    expect(records.map(csvLine).join('')).toBe(stringify(records));
  });

  it('writes the BOM and a header as csv-stringify does', () => {
    const columns = ['callId', 'botName, "quoted"', 'a\nb'];
    const records = [['c-1', 'Billing, "main"', 'line\nbreak']];
    expect(BOM + csvLine(columns) + records.map(csvLine).join('')).toBe(
      stringify(records, { bom: true, header: true, columns })
    );
  });

  it('quotes commas, quotes and line feeds only', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'x\ry', '', 'plain'])).toBe(
      '"a,b","say ""hi""","x\ny",x\ry,,plain\n'
    );
  });
});
