'use strict';

const {
  winston,
  formats: { prettyPrint, levelFilter },
} = require('@strapi/logger');

// The test suite sets STRAPI_LOG_LEVEL=error to keep jest's output readable.
const level = process.env.STRAPI_LOG_LEVEL || 'http';

module.exports = {
  transports: [
    new winston.transports.Console({
      level,
      format: winston.format.combine(
        levelFilter(level),
        prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })
      ),
    }),
  ],
};
