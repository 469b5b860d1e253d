import type { Strapi } from '@strapi/types';
import { contentTypes as contentTypeUtils } from '@strapi/utils';

import { UID } from '../constants';
import { UNLISTED_ATTRIBUTES, isReadableAttribute } from '../domain/call-list';

import { columnOf, tableOf } from './metadata';

/** A readable attribute of the call table: its name, its column and its Strapi type. */
export interface ColumnAttribute {
  name: string;
  column: string;
  type: string;
}

/** The call table's names, as Strapi's metadata gives them (a host may rename). */
export interface CallTable {
  table: string;
  /** The columns a search page and an export batch select, in model order. */
  listed: readonly string[];
  startTime: string;
  durationSeconds: string;
  id: string;
  callingNumber: string;
  callingNumberReversed: string;
  accessCode: string;
}

export interface CallRecordColumns {
  /** Every scalar attribute a reader may get (Call Details), in model order. */
  readable: ColumnAttribute[];
  /** The attributes a search page and an export batch read, in model order. */
  listed: ColumnAttribute[];
  /** The names the search statements use. */
  table: CallTable;
}

/**
 * The call table as the model Strapi runs describes it, a developer's extensions included.
 * Readable: neither private nor a password (domain/call-list.ts). Listed: the readable ones
 * but the flow trace, whose json can be most of a row, so a search page never selects it.
 */
export const callRecordColumns = (strapi: Strapi): CallRecordColumns => {
  const column = (attribute: string): string => columnOf(strapi, UID.callRecord, attribute);
  const model = strapi.getModel(UID.callRecord);
  const readable: ColumnAttribute[] = Object.entries(model.attributes)
    .filter(
      ([name, attribute]) =>
        contentTypeUtils.isScalarAttribute(attribute) &&
        isReadableAttribute(attribute.type, contentTypeUtils.isPrivateAttribute(model, name))
    )
    .map(([name, attribute]) => ({ name, column: column(name), type: attribute.type }));
  if (!readable.some((attribute) => attribute.name === 'id')) {
    readable.unshift({ name: 'id', column: column('id'), type: 'increments' });
  }
  const listed = readable.filter((attribute) => !UNLISTED_ATTRIBUTES.has(attribute.name));
  return {
    readable,
    listed,
    table: {
      table: tableOf(strapi, UID.callRecord),
      listed: listed.map((attribute) => attribute.column),
      startTime: column('startTime'),
      durationSeconds: column('durationSeconds'),
      id: column('id'),
      callingNumber: column('callingNumber'),
      callingNumberReversed: column('callingNumberReversed'),
      accessCode: column('accessCode'),
    },
  };
};
