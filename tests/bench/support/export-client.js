// @ts-check
'use strict';

/**
 * The CSV export's client, in a process of its own so that the benchmark's RSS is the server's
 * alone: downloads one export, counts its lines, throws the bytes away and reports to the parent.
 * The parent sends `{ port, token, body }`.
 */

const { requester } = require('./harness');

process.once('message', async ({ port, token, body }) => {
  const { request, close } = requester();
  let lines = 0;
  try {
    const answer = await request(port, 'POST', '/call-history/calls/export', {
      token,
      body,
      onData: (chunk) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      },
    });
    process.send?.({ status: answer.status, bytes: answer.bytes, ms: answer.ms, lines });
  } catch (error) {
    process.send?.({ error: String(error && error.stack ? error.stack : error) });
  }
  close();
  process.disconnect();
});
