/**
 * The tenant's recording flags: their names, their values and the answers of the settings
 * routes. Shared by the server and the admin.
 */
import type { AuditUser } from './audit';

export const FLAG_NAMES = ['CHATRECORDFLAG', 'FLOWRECORDFLAG', 'CCIVRRECORDFLAG'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export const FLAG_VALUES = ['ON', 'OFF', 'BOT_LEVEL'] as const;
export type FlagValue = (typeof FLAG_VALUES)[number];

/** The three recording flags. */
export type RecordingFlags = Record<FlagName, FlagValue>;

/** Bounds of a retention period, in days (the tenant's and a bot's override alike). */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 36_500;

/**
 * `GET /settings` and the body of `PUT /settings` (there, any subset): the flags and the
 * tenant's retention period in days, null to keep calls forever (the default).
 */
export type TenantSettings = RecordingFlags & { retentionDays: number | null };

export const isFlagName = (value: unknown): value is FlagName =>
  typeof value === 'string' && (FLAG_NAMES as readonly string[]).includes(value);

export const isFlagValue = (value: unknown): value is FlagValue =>
  typeof value === 'string' && (FLAG_VALUES as readonly string[]).includes(value);

export type FlagChanges = Partial<Record<FlagName, { from: FlagValue; to: FlagValue }>>;

export type SettingsChanges = FlagChanges & {
  retentionDays?: { from: number | null; to: number | null };
};

/**
 * One entry of `GET /settings/history`. `from` may be null in entries written before the flag
 * had a stored value.
 */
export interface SettingsChange {
  at: string;
  user: AuditUser | null;
  changes: Partial<Record<FlagName, { from: FlagValue | null; to: FlagValue }>> & {
    retentionDays?: { from: number | null; to: number | null };
  };
}

/** The payload of the `call-history.settings.updated` event. */
export interface SettingsUpdatedPayload {
  settings: TenantSettings;
  changes: SettingsChanges;
  user: AuditUser | null;
}
