#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The top frames by self time of a V8 CPU profile (`node --cpu-prof`), as a Markdown table:
 * how the ingest benchmark's profiles are summarised in tests/bench/results/ingest.md.
 *
 *   node tests/bench/profile-top.js /tmp/prof/CPU.*.cpuprofile [--top 15]
 */

const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const TOP = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
const file = args.find((arg, index) => !arg.startsWith('--') && index !== topIndex + 1);
if (!file) throw new Error('usage: profile-top.js FILE.cpuprofile [--top N]');

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
/** @type {Map<number, number>} node id → microseconds of self time */
const self = new Map();
const { samples, timeDeltas } = profile;
for (let i = 0; i < samples.length; i += 1) {
  self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
}
/** @type {Map<string, number>} */
const byFrame = new Map();
let total = 0;
for (const node of profile.nodes) {
  const micros = self.get(node.id) ?? 0;
  total += micros;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${shorten(url)}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  byFrame.set(key, (byFrame.get(key) ?? 0) + micros);
}

/** @param {string} url */
function shorten(url) {
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) return clean.slice(modules + 'node_modules/'.length);
  const root = path.resolve(__dirname, '..', '..');
  return clean.startsWith(root) ? path.relative(root, clean) : clean;
}

const rows = [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
process.stdout.write('| self ms | % | frame |\n|---:|---:|---|\n');
for (const [frame, micros] of rows) {
  const share = ((micros / total) * 100).toFixed(1);
  process.stdout.write(`| ${Math.round(micros / 1000)} | ${share} | \`${frame}\` |\n`);
}
process.stdout.write(`\nTotal sampled: ${Math.round(total / 1000)} ms\n`);
