// @ts-check
'use strict';

/**
 * The field validator's cost on the traced batch of the ingest benchmark (1,000 calls with
 * 20-step traces: 21,000 date-times, 80,000 strings), without Strapi or a database: the share
 * of an ingest request spent screening its calls. Reads the compiled server, so build first:
 *
 *   npm run build && node tests/bench/validate.js
 *
 * Environment: BENCH_ROUNDS (default 30). Prints the median and p90 of one batch's screening,
 * after 5 rounds of warm-up.
 */

const path = require('path');

const { STEPS, makeCall } = require('./calls');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src');
const { screenBatch } = require(path.join(DIST, 'domain', 'batch-ingest'));
const { defaultConfig } = require(path.join(DIST, 'config'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARM_UP = 5;

// Parsed from JSON, as the ingest route receives it: no object shared between calls.
const batch = () =>
  JSON.parse(JSON.stringify(Array.from({ length: 1000 }, (_, i) => makeCall(`v-${i}`, true))));

/** @type {number[]} */
const times = [];
for (let round = 0; round < ROUNDS + WARM_UP; round += 1) {
  const calls = batch();
  const started = process.hrtime.bigint();
  const screened = screenBatch(calls, {}, defaultConfig);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (screened.valid.length !== calls.length) {
    throw new Error(`a call was refused: ${JSON.stringify(screened.results.find(Boolean))}`);
  }
  if (round >= WARM_UP) times.push(elapsed);
}
times.sort((a, b) => a - b);
/** @param {number} q */
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(
  `screenBatch, 1,000 calls × ${STEPS} steps, ${ROUNDS} rounds: median ${at(0.5)} ms, p90 ${at(0.9)} ms`
);
