// @ts-check
'use strict';

/**
 * One CSV export measured from outside: the download runs in a child process
 * (export-client.js), so the RSS sampled here, every 20 ms and at the end, is the Strapi
 * process's alone. Growth: the peak over the RSS just before the request (after a GC when node
 * runs with --expose-gc).
 */

const { fork } = require('child_process');
const path = require('path');

const measureExport = async (port, token, body) => {
  const child = fork(path.join(__dirname, 'export-client.js'), [], { stdio: 'inherit' });
  await new Promise((resolve) => child.once('spawn', resolve));
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  let peak = baseline;
  const heapBaseline = process.memoryUsage().heapTotal;
  let heapPeak = heapBaseline;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapTotal);
  }, 20);
  const answer = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`export client exited with ${code}`)));
    child.send({ port, token, body });
  });
  clearInterval(sampler);
  const used = process.cpuUsage(cpu);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (answer.error) throw new Error(answer.error);
  if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
  const rows = answer.lines - 1;
  const seconds = answer.ms / 1000;
  return {
    rows,
    seconds,
    perSecond: Math.round(rows / seconds),
    // CPU seconds of the server process: less at the mercy of other jobs than the wall time.
    cpuSeconds: (used.user + used.system) / 1e6,
    perCpuSecond: Math.round(rows / ((used.user + used.system) / 1e6)),
    mb: answer.bytes / 1e6,
    baselineMb: baseline / 1e6,
    peakMb: peak / 1e6,
    growthMb: (peak - baseline) / 1e6,
    // The V8 heap's part of the growth (the rest: buffers, SQLite, the allocator).
    heapGrowthMb: (heapPeak - heapBaseline) / 1e6,
  };
};

module.exports = { measureExport };
