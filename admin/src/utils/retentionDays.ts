import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../api/types';

/**
 * A retention field's text as the API wants it: empty is null (forever for the tenant, the
 * tenant's period for a bot), else a whole number of days within the bounds; undefined when the
 * text is neither, so the form can say so before the server does.
 */
export const parseRetentionDays = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= RETENTION_DAYS_MIN && days <= RETENTION_DAYS_MAX ? days : undefined;
};

export const retentionDaysText = (days: number | null | undefined): string =>
  days === null || days === undefined ? '' : String(days);
