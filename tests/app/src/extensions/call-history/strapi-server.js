'use strict';

const { blockNumbers } = require('../../call-history/blocked-numbers');

// Strapi calls this with the plugin's server part before registering it: the place to wrap or
// replace one of its services.
module.exports = (plugin) => blockNumbers(plugin);
