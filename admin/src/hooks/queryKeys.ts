/** react-query keys, namespaced so the host's own caches never collide with ours. */
export const queryKeys = {
  settings: ['call-history', 'settings'] as const,
  settingsHistory: ['call-history', 'settings-history'] as const,
  bots: ['call-history', 'bots'] as const,
  calls: (params: object) => ['call-history', 'calls', params] as const,
  call: (callId: string) => ['call-history', 'call', callId] as const,
  stats: (params: object) => ['call-history', 'stats', params] as const,
};

export const API = '/call-history';
