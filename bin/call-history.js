#!/usr/bin/env node
'use strict';

/**
 * The plugin's command line, run in the Strapi project's directory:
 *
 *   npx call-history rebuild-rollup
 *
 * rebuild-rollup: recounts the statistics rollup from the stored calls (docs/admin-guide.md#statistics-rollup),
 * for an install upgrading from a version without it, or after calls were loaded with the
 * call table's triggers disabled. It loads the project (compiling a TypeScript one first) without
 * starting its HTTP server; other nodes may keep serving: on PostgreSQL their writes wait for
 * the rebuild's transaction.
 */

const USAGE = 'Usage: npx call-history rebuild-rollup   (in your Strapi project directory)';

/** @param {string[]} args */
const main = async (args) => {
  if (args.length !== 1 || args[0] !== 'rebuild-rollup') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const appDir = process.cwd();
  const strapiFactory = require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  const { distDir } = await strapiFactory.compile({ appDir });
  const strapi = await strapiFactory({ appDir, distDir, autoReload: false }).load();
  try {
    const result = await strapi.plugin('call-history').service('call-rollup').rebuild();
    process.stdout.write(
      `call-history: rebuilt the statistics rollup from ${result.calls} calls (${result.rows} 15-minute rows, ${result.hourRows} hourly) in ${result.milliseconds} ms\n`
    );
    return 0;
  } finally {
    await strapi.destroy();
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `call-history: ${error instanceof Error ? error.message : String(error)}\n`
    );
    process.exit(1);
  }
);
