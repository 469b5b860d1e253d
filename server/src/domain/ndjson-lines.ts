/**
 * The lines of a newline-delimited JSON upload (docs/design.md#streaming-ingest), read from a
 * byte stream as it arrives: no line is held longer than `maxLineBytes`, whatever the size of
 * the upload. Pure: it imports nothing from Strapi, only Node's Buffer.
 */

export type NdjsonLine =
  | { line: number; text: string }
  /** A line over the bound: its bytes were skipped, never held. */
  | { line: number; tooLong: true };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** UTF-8 text of one line, without a trailing `\r` (CRLF line ends are read as LF). */
const textOf = (parts: Buffer[], length: number): string => {
  let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
  if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) {
    bytes = bytes.subarray(0, bytes.length - 1);
  }
  return bytes.toString('utf8');
};

const isBlank = (text: string) => text.trim().length === 0;

/**
 * Every non-blank line, numbered from 1 as an editor numbers them (blank lines count, and are
 * skipped). Bytes are split on LF before decoding, so a character split across two reads is
 * decoded whole. The source is pulled only as lines are consumed: its producer waits while the
 * consumer works, which is the upload's backpressure.
 */
export async function* ndjsonLines(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes: number
): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let line = 0;
  for await (const read of source) {
    // A view of the read, not a copy: only the part of a line that goes on is copied (below).
    const bytes =
      typeof read === 'string'
        ? Buffer.from(read, 'utf8')
        : Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      const piece = bytes.subarray(start, end === -1 ? bytes.length : end);
      if (!tooLong && length + piece.length > maxLineBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong && piece.length > 0) {
        // A copy when the line goes on in the next read: the read's buffer is not kept.
        parts.push(end === -1 ? Buffer.from(piece) : piece);
      }
      length += piece.length;
      if (end === -1) break;
      line += 1;
      if (tooLong) yield { line, tooLong: true };
      else {
        const text = textOf(parts, length);
        if (!isBlank(text)) yield { line, text };
      }
      parts = [];
      length = 0;
      tooLong = false;
      start = end + 1;
    }
  }
  if (length > 0 || tooLong) {
    line += 1;
    if (tooLong) yield { line, tooLong: true };
    else {
      const text = textOf(parts, length);
      if (!isBlank(text)) yield { line, text };
    }
  }
}
