import { ndjsonLines, type NdjsonLine } from '../../../server/src/domain/ndjson-lines';

async function* reads(...pieces: Array<string | Buffer>) {
  for (const piece of pieces) yield typeof piece === 'string' ? Buffer.from(piece) : piece;
}

const collect = async (source: AsyncIterable<Buffer>, max = 1024) => {
  const lines: NdjsonLine[] = [];
  for await (const line of ndjsonLines(source, max)) lines.push(line);
  return lines;
};

describe('ndjsonLines', () => {
  it('splits reads into lines numbered as an editor numbers them, skipping blank ones', async () => {
    expect(await collect(reads('{"a":1}\n\n  \n{"b"', ':2}\r\n{"c":3}'))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  it('decodes a character split across two reads whole', async () => {
    const bytes = Buffer.from('{"n":"中文"}\n');
    expect(await collect(reads(bytes.subarray(0, 8), bytes.subarray(8)))).toEqual([
      { line: 1, text: '{"n":"中文"}' },
    ]);
  });

  it('skips a line over the bound without holding it, and reads on after it', async () => {
    const long = 'x'.repeat(40);
    expect(
      await collect(reads(`${long.slice(0, 20)}`, `${long.slice(20)}\n{"ok":1}\n`, long), 32)
    ).toEqual([
      { line: 1, tooLong: true },
      { line: 2, text: '{"ok":1}' },
      { line: 3, tooLong: true },
    ]);
  });

  it('reads nothing from an empty upload', async () => {
    expect(await collect(reads())).toEqual([]);
  });
});
