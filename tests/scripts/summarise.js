'use strict';

// Adds up jest's JSON reports into the one closing line CI reads: "N passed, N failed".
// A step that is not a jest run (lint, types, a database that did not start) counts as one failure.
const fs = require('fs');

let passed = 0;
let failed = Number(process.env.FAILED_STEPS || 0);
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped += report.numPendingTests + report.numTodoTests;
}
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 ? 1 : 0;
