import type { Strapi } from '@strapi/types';
import { errors } from '@strapi/utils';

import type { SavedSearch, SavedSearchBody } from '../../../shared/contracts/calls';
import { UID } from '../constants';
import {
  SAVED_SEARCHES_PER_ADMIN,
  searchFindsNumber,
  type SavedSearchInput,
} from '../domain/saved-search';
import { fieldError } from '../utils/errors';
import { getDb } from '../utils/strapi';

interface SavedSearchRow {
  id: number;
  name: string;
  search: SavedSearchBody;
  createdAt: string | Date;
}

const FIELDS = ['id', 'name', 'search', 'createdAt'];

const answer = (row: SavedSearchRow): SavedSearch =>
  ({
    id: row.id,
    name: row.name,
    search: row.search,
    createdAt: new Date(row.createdAt).toISOString(),
  }) as SavedSearch;

/**
 * Saved searches (docs/design.md#saved-searches), each owned by one admin user: every read and
 * delete is scoped by the owner's id, so an admin never sees, runs or deletes another's. No
 * sharing exists yet.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const searches = () => getDb(strapi).query(UID.savedSearch);

  return {
    /** The admin's own saved searches, by name. */
    async list(adminId: number): Promise<SavedSearch[]> {
      const rows = (await searches().findMany({
        select: FIELDS,
        where: { adminId },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })) as SavedSearchRow[];
      return rows.map(answer);
    },

    /** Saves a validated search under a name the admin does not use yet. */
    async create(adminId: number, input: SavedSearchInput): Promise<SavedSearch> {
      const mine = (await searches().findMany({
        select: ['name'],
        where: { adminId },
      })) as Array<{ name: string }>;
      if (mine.some((row) => row.name === input.name)) {
        throw fieldError('name', `you already have a saved search named "${input.name}"`);
      }
      if (mine.length >= SAVED_SEARCHES_PER_ADMIN) {
        throw fieldError(
          'name',
          `you have ${SAVED_SEARCHES_PER_ADMIN} saved searches, the most one admin keeps: delete one first`
        );
      }
      const row = (await searches().create({
        select: FIELDS,
        data: { adminId, name: input.name, search: input.search },
      })) as SavedSearchRow;
      return answer(row);
    },

    /** Deletes one of the admin's own; another admin's is answered as not found. */
    async remove(adminId: number, id: number): Promise<{ id: number }> {
      const { count } = await searches().deleteMany({ where: { id, adminId } });
      if (count === 0) throw new errors.NotFoundError(`You have no saved search ${id}`);
      return { id };
    },

    /**
     * Deletes every admin's saved searches whose calling-number filter finds one of these
     * numbers (an erasure, with both forms of its number: docs/design.md#erasure-by-number), and
     * answers how many. The table holds a few searches per admin, so each is matched here rather
     * than by the database.
     */
    async eraseNumber(callingNumbers: readonly string[]): Promise<number> {
      const rows = (await searches().findMany({ select: ['id', 'search'] })) as Array<
        Pick<SavedSearchRow, 'id' | 'search'>
      >;
      const ids = rows
        .filter((row) => callingNumbers.some((form) => searchFindsNumber(row.search ?? {}, form)))
        .map((row) => row.id);
      if (ids.length === 0) return 0;
      const { count } = await searches().deleteMany({ where: { id: { $in: ids } } });
      return count;
    },

    /**
     * Deletes the saved searches of admin users that are deleted: their filters may hold a
     * number, and no one could read or delete them any more.
     */
    async removeOwnedBy(adminIds: readonly number[]): Promise<number> {
      if (adminIds.length === 0) return 0;
      const { count } = await searches().deleteMany({ where: { adminId: { $in: [...adminIds] } } });
      return count;
    },
  };
};
