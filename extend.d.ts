// The declarations of extend.js: what `import … from 'strapi-plugin-call-history'` gives.
export * from './dist/server/src/extend';
