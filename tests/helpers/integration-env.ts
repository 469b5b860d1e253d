// Strapi logs every request at "http" level: keep jest's output to errors.
process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL ?? 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.BROWSER = 'none';
jest.setTimeout(120_000);
