import { setFlagsFromString } from 'v8';

import { defaultConfig } from '../../../server/src/config';
import { decideBatch, screenBatch } from '../../../server/src/domain/batch-ingest';
import {
  evaluateCall,
  storedFields,
  type PolicyContext,
} from '../../../server/src/domain/call-policy';
import { extensibleCopy } from '../../../server/src/domain/extensible-copy';
import { makeCall } from '../../helpers/ingest';

/**
 * The rows a batch writes share one hidden class. On Node 20 an object-spread copy that gains
 * properties afterwards got one of its own per row once the code was optimised, which the
 * old generation kept until a full GC: a kilobyte per ingested call (docs/benchmarks.md,
 * "Streamed upload"). V8's own test hook tells whether two objects share a hidden class.
 */
setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (
  a: object,
  b: object
) => boolean;

const context: PolicyContext = {
  flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' },
  owners: new Map(),
};

/** A batch as the ingest route receives it: each call parsed from its own JSON text. */
const batch = (first: number, size: number): unknown[] =>
  Array.from(
    { length: size },
    (_, index) => JSON.parse(JSON.stringify(makeCall(`shape-${first + index}`))) as unknown
  );

const rowsOf = (calls: unknown[]) =>
  decideBatch(
    screenBatch(calls, {}, defaultConfig).valid,
    (call) => evaluateCall(call, context),
    storedFields
  ).map((intent) => (intent.kind === 'write' ? intent.data : null));

describe('the rows of an ingest batch', () => {
  it('share one hidden class, also once the ingest path is optimised', () => {
    // Enough batches for V8 to optimise validation and decision, as a long upload does.
    for (let round = 0; round < 400; round += 1) rowsOf(batch(round * 100, 100));
    const rows = rowsOf(batch(1_000_000, 100));
    expect(rows.every((row) => row !== null)).toBe(true);
    const withTheirOwn = rows.filter((row) => !sameHiddenClass(rows[0] as object, row as object));
    expect(withTheirOwn.length).toBe(0);
  });
});

describe('extensibleCopy', () => {
  it('copies the own properties, and leaves the source as it was when the copy gains more', () => {
    const source = { callId: 'a', accessCode: '10086' };
    const copy = extensibleCopy(source) as Record<string, unknown>;
    copy.botName = 'Main menu';
    expect(copy).toEqual({ callId: 'a', accessCode: '10086', botName: 'Main menu' });
    expect(source).toEqual({ callId: 'a', accessCode: '10086' });
  });
});
