'use strict';

// Seeds the demo database once: the first admin and an agent, demo flags, robots and IVR flows,
// and generated calls. Run by tests/demo.sh before `strapi start`; does nothing on a seeded database.
const path = require('path');

const createStrapi = require('@strapi/strapi');

const { ensureDemoBots, generateCalls } = require('../support/call-generator');

const APP_DIR = path.resolve(__dirname, '..', 'app');
const DEMO_USERS = [
  { email: 'admin@example.com', firstname: 'Ada', lastname: 'Admin', role: 'strapi-super-admin' },
  { email: 'agent@example.com', firstname: 'Alan', lastname: 'Agent', roleName: 'Agent' },
];
const PASSWORD = 'CallHistory-Demo-1';
const CALL_COUNT = Number(process.env.DEMO_CALLS || 5000);

const seedUsers = async (strapi) => {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  for (const user of DEMO_USERS) {
    if (await users.exists({ email: user.email })) continue;
    const role = user.role
      ? await roles.findOne({ code: user.role })
      : await roles.findOne({ name: user.roleName });
    await users.create({
      email: user.email,
      firstname: user.firstname,
      lastname: user.lastname,
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
  }
};

const main = async () => {
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  try {
    await seedUsers(strapi);
    await ensureDemoBots(strapi);
    const settings = strapi.plugin('call-history').service('settings');
    await settings.update({
      CHATRECORDFLAG: 'BOT_LEVEL',
      FLOWRECORDFLAG: 'BOT_LEVEL',
      CCIVRRECORDFLAG: 'ON',
    });
    const existing = await strapi.db.query('plugin::call-history.call-record').count();
    if (existing === 0) {
      const to = new Date();
      const from = new Date(to.getTime() - 60 * 24 * 3600 * 1000);
      const { stored, notRecorded, flowRecorded } = await generateCalls(strapi, {
        count: CALL_COUNT,
        from,
        to,
        seed: 42,
        traceRatio: 0.3,
      });
      strapi.log.info(
        `[demo] ${stored} calls stored (${flowRecorded} with flow details), ${notRecorded} refused by the flags`
      );
    }
  } finally {
    await strapi.destroy();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
