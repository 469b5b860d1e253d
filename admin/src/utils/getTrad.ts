import { PLUGIN_ID } from '../pluginId';

export const getTrad = (id: string) => `${PLUGIN_ID}.${id}`;
