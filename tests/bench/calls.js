// @ts-check
'use strict';

/**
 * The calls the ingest benchmarks send: the platform's common shape, with a 20-step trace when
 * traced. Shared by tests/bench/ingest.js (over HTTP) and tests/bench/validate.js (the field
 * validator alone), so both measure the same batch.
 */

const STEPS = 20;

/** @param {number} seq */
const step = (seq) => ({
  seq,
  at: `2026-03-01T08:30:${String(seq).padStart(2, '0')}Z`,
  nodeId: `node-${seq}`,
  nodeName: `Menu step ${seq}`,
  nodeType: seq === 0 ? 'START' : 'MENU',
  userInput: String(seq % 10),
  botReply: 'Welcome to the service line. Press 1 for billing, 2 for support, 0 for an agent.',
  resultCode: 'OK',
  durationMs: 1500 + seq,
});
const TRACE = Array.from({ length: STEPS }, (_, seq) => step(seq));

/** @param {string} callId @param {boolean} traced */
const makeCall = (callId, traced) => ({
  callId,
  callingNumber: `86138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  calledNumber: '10086',
  accessCode: '10086',
  botKind: 'INTELLIGENT_ROBOT',
  startTime: '2026-03-01T08:30:00Z',
  endTime: '2026-03-01T08:32:05Z',
  endReason: 'USER_HANGUP',
  ...(traced ? { flowTrace: TRACE } : {}),
});

module.exports = { STEPS, makeCall };
