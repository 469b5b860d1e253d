import type { Strapi } from '@strapi/types';

import type { SettingsUpdatedPayload } from '../../../shared/contracts/settings';
import { EVENTS, UID } from '../constants';
import { lockFirstRow } from '../database/row-lock';
import {
  DEFAULT_SETTINGS,
  FLAG_ATTRIBUTE,
  diffSettings,
  rowToSettings,
  type SettingRow,
  type TenantSettings,
} from '../domain/flags';
import { FLAG_NAMES, FLAG_VALUES, isFlagValue } from '../domain/recording-decision';
import { retentionDaysProblem } from '../domain/retention';
import { currentAdmin } from '../services/audit';
import { fieldError } from '../utils/errors';
import { emitEvent, getDb, getService } from '../utils/strapi';
import type { LifecycleEvent as Event } from '../utils/types';

const assertFlagValues = (data: SettingRow | undefined) => {
  for (const name of FLAG_NAMES) {
    const value = data?.[FLAG_ATTRIBUTE[name]];
    if (value !== undefined && !isFlagValue(value)) {
      throw fieldError(name, `${name} must be one of ${FLAG_VALUES.join(', ')}`);
    }
  }
  const problem = retentionDaysProblem(data?.retentionDays);
  if (problem) throw fieldError('retentionDays', problem);
};

/**
 * Validates flag values on every write path, and keeps the audit trail and the
 * `call-history.settings.updated` event here so that a change made from anywhere is recorded.
 * Inside a transaction (the settings service always opens one) the row is locked before it is
 * read, so two admins saving at once are serialised: each change reads the state the previous
 * one left, and each gets its own audit entry, in the transaction of the change itself.
 */
export const settingSubscriber = (strapi: Strapi) => {
  const record = async (before: TenantSettings, after: TenantSettings) => {
    const changes = diffSettings(before, after);
    if (Object.keys(changes).length === 0) return;
    await getService(strapi, 'audit').record({ action: 'settings.update', changes });
    const payload: SettingsUpdatedPayload = {
      settings: after,
      changes,
      user: currentAdmin(strapi),
    };
    emitEvent(strapi, EVENTS.settingsUpdated, payload);
  };

  const readFlags = async () =>
    rowToSettings(
      (await getDb(strapi)
        .query(UID.setting)
        .findOne({ orderBy: { id: 'asc' } })) as SettingRow | null
    );

  /** The flags the service reads (the first row), before a write changes them. */
  const SETTING_ATTRIBUTES = [...Object.values(FLAG_ATTRIBUTE), 'retentionDays'];
  const captureBefore = async (event: Event) => {
    const locked = await lockFirstRow(strapi, UID.setting, SETTING_ATTRIBUTES);
    event.state.before = locked ? rowToSettings(locked as SettingRow) : undefined;
  };

  /** After an update of any kind: what the service now reads, against what it read before. */
  const recordAfterUpdate = async (event: Event) => {
    const before = event.state.before as TenantSettings | undefined;
    if (before) await record(before, await readFlags());
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
      await record(DEFAULT_SETTINGS, rowToSettings(event.result as SettingRow));
    },
    afterUpdate: recordAfterUpdate,
    afterUpdateMany: recordAfterUpdate,
  };
};
