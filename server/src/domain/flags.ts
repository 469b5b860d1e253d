import {
  FLAG_NAMES,
  isFlagValue,
  type FlagChanges,
  type FlagName,
  type FlagValue,
  type RecordingFlags,
  type SettingsChanges,
  type TenantSettings,
} from '../../../shared/contracts/settings';

import { isRetentionDays } from './retention';

export type { FlagChanges, SettingsChanges, TenantSettings };

/** API names (docs/design.md#admin-api) to attribute names of the `setting` single type. */
export const FLAG_ATTRIBUTE = {
  CHATRECORDFLAG: 'chatRecordFlag',
  FLOWRECORDFLAG: 'flowRecordFlag',
  CCIVRRECORDFLAG: 'ccIvrRecordFlag',
} as const satisfies Record<FlagName, string>;

export type FlagAttribute = (typeof FLAG_ATTRIBUTE)[FlagName];
export type SettingRow = Partial<Record<FlagAttribute, FlagValue | null>> & {
  retentionDays?: number | null;
};

export const DEFAULT_FLAGS: RecordingFlags = {
  CHATRECORDFLAG: 'OFF',
  FLOWRECORDFLAG: 'OFF',
  CCIVRRECORDFLAG: 'OFF',
};

/** A missing or unknown stored value reads as OFF: the safe side of a recording flag. */
export const rowToFlags = (row: SettingRow | null | undefined): RecordingFlags => {
  const flags = { ...DEFAULT_FLAGS };
  for (const name of FLAG_NAMES) {
    const value: unknown = row?.[FLAG_ATTRIBUTE[name]];
    if (isFlagValue(value)) flags[name] = value;
  }
  return flags;
};

export const flagsToRow = (flags: Partial<RecordingFlags>): SettingRow => {
  const row: SettingRow = {};
  for (const name of FLAG_NAMES) {
    const value = flags[name];
    if (value !== undefined) row[FLAG_ATTRIBUTE[name]] = value;
  }
  return row;
};

export const diffFlags = (before: RecordingFlags, after: RecordingFlags): FlagChanges => {
  const changes: FlagChanges = {};
  for (const name of FLAG_NAMES) {
    if (before[name] !== after[name]) changes[name] = { from: before[name], to: after[name] };
  }
  return changes;
};

export const DEFAULT_SETTINGS: TenantSettings = { ...DEFAULT_FLAGS, retentionDays: null };

/** A missing or out-of-bounds stored period reads as "keep forever": nothing is deleted by mistake. */
export const rowToSettings = (row: SettingRow | null | undefined): TenantSettings => ({
  ...rowToFlags(row),
  retentionDays: isRetentionDays(row?.retentionDays) ? row.retentionDays : null,
});

export const settingsToRow = (patch: Partial<TenantSettings>): SettingRow => {
  const row = flagsToRow(patch);
  if (patch.retentionDays !== undefined) row.retentionDays = patch.retentionDays;
  return row;
};

export const diffSettings = (before: TenantSettings, after: TenantSettings): SettingsChanges => {
  const changes: SettingsChanges = diffFlags(before, after);
  if (before.retentionDays !== after.retentionDays) {
    changes.retentionDays = { from: before.retentionDays, to: after.retentionDays };
  }
  return changes;
};
