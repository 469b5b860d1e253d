export const PLUGIN_ID = 'call-history';
