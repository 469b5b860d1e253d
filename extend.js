'use strict';

// The entry for extenders (package.json main). It sits at the package root on purpose: Strapi
// finds a plugin configured by `resolve: <folder>` at the folder of require.resolve(<folder>),
// i.e. of `main`, and loads strapi-server.js from there.
module.exports = require('./dist/server/src/extend');
