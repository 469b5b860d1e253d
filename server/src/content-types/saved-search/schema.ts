/**
 * An admin's saved search (docs/design.md#saved-searches): a name and a search body, owned by
 * one admin user. Internal: hidden everywhere, read and written by services/saved-searches.ts
 * only, which never answers another admin's. A calling-number filter in `search` is personal
 * data: an erasure of a number deletes the saved searches whose filter matches it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'call_history_saved_searches',
  info: {
    singularName: 'saved-search',
    pluralName: 'saved-searches',
    displayName: 'Call history saved search',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, maxLength: 100 },
    adminId: { type: 'integer', required: true },
    // The search body as validated when it was saved: filters, sort and page size.
    search: { type: 'json', required: true, private: true },
  },
};
