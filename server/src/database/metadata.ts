import type { Strapi } from '@strapi/types';

import { getDb } from '../utils/strapi';

/** Table and column names come from Strapi's metadata, never hard-coded: a host may rename. */
export const tableOf = (strapi: Strapi, uid: string): string =>
  getDb(strapi).metadata.get(uid).tableName;

export const columnOf = (strapi: Strapi, uid: string, attribute: string): string => {
  const meta = getDb(strapi).metadata.get(uid);
  const column = (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName;
  return column ?? attribute;
};
