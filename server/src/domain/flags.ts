import {
  FLAG_NAMES,
  isFlagValue,
  type FlagChanges,
  type FlagName,
  type FlagValue,
  type RecordingFlags,
} from '../../../shared/contracts/settings';

export type { FlagChanges };

/** API names (docs/design.md#admin-api) to attribute names of the `setting` single type. */
export const FLAG_ATTRIBUTE = {
  CHATRECORDFLAG: 'chatRecordFlag',
  FLOWRECORDFLAG: 'flowRecordFlag',
  CCIVRRECORDFLAG: 'ccIvrRecordFlag',
} as const satisfies Record<FlagName, string>;

export type FlagAttribute = (typeof FLAG_ATTRIBUTE)[FlagName];
export type SettingRow = Partial<Record<FlagAttribute, FlagValue | null>>;

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
