import type { Strapi } from '@strapi/types';

import { EVENTS, UID } from '../constants';
import {
  DEFAULT_FLAGS,
  FLAG_ATTRIBUTE,
  diffFlags,
  rowToFlags,
  type SettingRow,
} from '../domain/flags';
import {
  FLAG_NAMES,
  FLAG_VALUES,
  isFlagValue,
  type RecordingFlags,
} from '../domain/recording-decision';
import { fieldError } from '../utils/errors';
import { emitEvent, getDb } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

const assertFlagValues = (data: SettingRow | undefined) => {
  for (const name of FLAG_NAMES) {
    const value = data?.[FLAG_ATTRIBUTE[name]];
    if (value !== undefined && !isFlagValue(value)) {
      throw fieldError(name, `${name} must be one of ${FLAG_VALUES.join(', ')}`);
    }
  }
};

interface AdminUser {
  id: number;
  email: string;
}

/** The admin behind the current request, if any: lifecycles have no ctx of their own. */
const currentUser = (strapi: Strapi): AdminUser | null => {
  const user = strapi.requestContext.get()?.state?.user as AdminUser | undefined;
  return user ? { id: user.id, email: user.email } : null;
};

/**
 * Validates flag values on every write path, and keeps the audit trail and the
 * `call-history.settings.updated` event here so that a change made from anywhere is recorded.
 */
export const settingSubscriber = (strapi: Strapi) => {
  const record = async (before: RecordingFlags, after: RecordingFlags) => {
    const changes = diffFlags(before, after);
    if (Object.keys(changes).length === 0) return;
    const user = currentUser(strapi);
    await getDb(strapi)
      .query(UID.settingChange)
      .create({ data: { changes, userId: user?.id ?? null, userEmail: user?.email ?? null } });
    emitEvent(strapi, EVENTS.settingsUpdated, { settings: after, changes, user });
  };

  /** The flags the service reads (the first row), before a write changes them. */
  const captureBefore = async (event: Event) => {
    const row = (await getDb(strapi)
      .query(UID.setting)
      .findOne({ orderBy: { id: 'asc' } })) as SettingRow | null;
    event.state.before = row ? rowToFlags(row) : undefined;
  };

  /** After an update of any kind: what the service now reads, against what it read before. */
  const recordAfterUpdate = async (event: Event) => {
    const before = event.state.before as RecordingFlags | undefined;
    if (!before) return;
    const row = (await getDb(strapi)
      .query(UID.setting)
      .findOne({ orderBy: { id: 'asc' } })) as SettingRow | null;
    await record(before, rowToFlags(row));
  };

  return {
    models: [UID.setting],
    beforeCreate(event: Event) {
      assertFlagValues(event.params.data as SettingRow);
    },
    beforeCreateMany(event: Event) {
      for (const row of event.params.data as SettingRow[]) assertFlagValues(row);
    },
    async beforeUpdate(event: Event) {
      assertFlagValues(event.params.data as SettingRow);
      await captureBefore(event);
    },
    async beforeUpdateMany(event: Event) {
      assertFlagValues(event.params.data as SettingRow);
      await captureBefore(event);
    },
    async afterCreate(event: Event) {
      await record(DEFAULT_FLAGS, rowToFlags(event.result as SettingRow));
    },
    afterUpdate: recordAfterUpdate,
    afterUpdateMany: recordAfterUpdate,
  };
};
