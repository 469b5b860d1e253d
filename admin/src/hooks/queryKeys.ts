/** react-query keys, namespaced so the host's own caches never collide with ours. */
export const queryKeys = {
  settings: ['call-history', 'settings'] as const,
  settingsHistory: ['call-history', 'settings-history'] as const,
  bots: ['call-history', 'bots'] as const,
  retentionPreview: ['call-history', 'retention-preview'] as const,
  // Keyed by the POST body of the request (its filters, page size and cursor).
  calls: (body: object) => ['call-history', 'calls', body] as const,
  /** Every search page, whatever its body: a hold changes what they show. */
  allCalls: ['call-history', 'calls'] as const,
  call: (callId: string) => ['call-history', 'call', callId] as const,
  stats: (body: object) => ['call-history', 'stats', body] as const,
  savedSearches: ['call-history', 'saved-searches'] as const,
  // Keyed by the query string of the page (its filters, page size and cursor).
  auditLog: (query: string) => ['call-history', 'audit-log', query] as const,
};

export const API = '/call-history';
