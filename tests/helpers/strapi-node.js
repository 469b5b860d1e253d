'use strict';

/**
 * One Strapi node of the host app in its own process, for the multi-node tests: boots on the
 * database of its environment, listens on 127.0.0.1 (an ephemeral port), prints `READY <port>`
 * and stops cleanly on SIGTERM.
 */
const path = require('path');

const createStrapi = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '..', 'app');

const main = async () => {
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR });
  await strapi.load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`READY ${server.address().port}\n`);
  process.once('SIGTERM', () => {
    strapi
      .destroy()
      .catch(() => undefined)
      .then(() => process.exit(0));
  });
};

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
