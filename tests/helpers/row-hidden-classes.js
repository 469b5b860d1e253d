// @ts-check
'use strict';

/**
 * Run as `node --allow-natives-syntax tests/helpers/row-hidden-classes.js` on the compiled
 * server: validates and decides batches of calls as the ingest route does, long enough for V8 to
 * optimise that path, and prints as JSON how many rows do not share the first row's hidden
 * class. A row with one of its own leaves its hidden class in the old generation until a full
 * collection (docs/benchmarks.md, "What the heap kept"). V8's test hook %HaveSameMap answers.
 */
const path = require('path');

const { makeCall } = require('../bench/calls');

const dist = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src');
const { screenBatch, decideBatch } = require(path.join(dist, 'domain', 'batch-ingest'));
const { evaluateCall, storedFields } = require(path.join(dist, 'domain', 'call-policy'));
const { defaultConfig } = require(path.join(dist, 'config'));

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b);');
const context = {
  flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' },
  owners: new Map(),
};

let rows = 0;
let withTheirOwn = 0;
let first = null;
for (let round = 0; round < 1000; round += 1) {
  // Each call parsed from its own JSON text, as the route reads it.
  const calls = Array.from({ length: 100 }, (_, index) =>
    JSON.parse(JSON.stringify(makeCall(`shape-${round}-${index}`, false)))
  );
  const intents = decideBatch(
    screenBatch(calls, {}, defaultConfig).valid,
    (call) => evaluateCall(call, context),
    storedFields
  );
  for (const intent of intents) {
    if (intent.kind !== 'write') throw new Error(`call ${intent.callId} was not written`);
    first ??= intent.data;
    rows += 1;
    if (!sameHiddenClass(first, intent.data)) withTheirOwn += 1;
  }
}
process.stdout.write(JSON.stringify({ rows, withTheirOwn }));
