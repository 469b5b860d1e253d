import type { BotKind } from '../../../shared/contracts/bots';
import type { RetentionBot, RetentionSource } from '../../../shared/contracts/retention';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../../../shared/contracts/settings';

import { instantOf } from './instant';

/**
 * Which calls have expired (docs/design.md#privacy): a call's period is the override of the
 * robot or IVR flow owning its access code, else the tenant's; with neither, it is kept
 * forever. A held call never expires. Pure, so the rules are tested without Strapi.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export const isRetentionDays = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= RETENTION_DAYS_MIN &&
  value <= RETENTION_DAYS_MAX;

/** Why a value written as a retention period is refused; null when it is fine (null included). */
export const retentionDaysProblem = (value: unknown): string | null =>
  value === undefined || value === null || isRetentionDays(value)
    ? null
    : `retentionDays must be null or a whole number of days from ${RETENTION_DAYS_MIN} to ${RETENTION_DAYS_MAX}`;

/** Calls started strictly before the cutoff have expired; null keeps every call. */
export const cutoffFor = (now: Date, days: number | null): Date | null =>
  days === null ? null : new Date(now.getTime() - days * DAY_MS);

export interface BotRetention extends RetentionBot {
  retentionDays: number | null;
}

/** The calls one rule covers: one bot's access code, or every code no bot owns. */
export interface RetentionRule {
  bot: RetentionBot | null;
  retentionDays: number | null;
  source: RetentionSource;
  cutoff: Date | null;
  /** Set for a bot's rule: its calls are those of this access code. */
  accessCode: string | null;
  /** Set for the rule of unknown bots: the codes the bots' rules cover. */
  excludedAccessCodes: string[];
}

const KIND_ORDER: Record<BotKind, number> = { INTELLIGENT_ROBOT: 0, COMMON_IVR: 1 };

/** One rule per robot and IVR flow (robots first, by name), then the rule of unknown bots. */
export const retentionRules = (
  now: Date,
  tenantDays: number | null,
  bots: BotRetention[]
): RetentionRule[] => {
  const tenant = isRetentionDays(tenantDays) ? tenantDays : null;
  const sorted = [...bots].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name) || a.id - b.id
  );
  const rules: RetentionRule[] = sorted.map(({ retentionDays, ...bot }) => {
    const own = isRetentionDays(retentionDays) ? retentionDays : null;
    const days = own ?? tenant;
    return {
      bot,
      retentionDays: days,
      source: own !== null ? 'bot' : tenant !== null ? 'tenant' : null,
      cutoff: cutoffFor(now, days),
      accessCode: bot.accessCode,
      excludedAccessCodes: [],
    };
  });
  rules.push({
    bot: null,
    retentionDays: tenant,
    source: tenant !== null ? 'tenant' : null,
    cutoff: cutoffFor(now, tenant),
    accessCode: null,
    excludedAccessCodes: sorted.map((bot) => bot.accessCode),
  });
  return rules;
};

/** The rule covering a call of this access code. */
export const ruleFor = (rules: RetentionRule[], accessCode: string): RetentionRule | undefined =>
  rules.find((rule) => rule.accessCode === accessCode) ??
  rules.find((rule) => rule.accessCode === null);

export interface ExpiryCandidate {
  accessCode: string;
  startTime: unknown;
  heldAt?: unknown;
}

/** Whether a purge under these rules deletes the call: the statement the SQL implements. */
export const isExpired = (call: ExpiryCandidate, rules: RetentionRule[]): boolean => {
  if (call.heldAt !== null && call.heldAt !== undefined) return false;
  const cutoff = ruleFor(rules, call.accessCode)?.cutoff ?? null;
  const start = instantOf(call.startTime);
  return cutoff !== null && start !== null && start < cutoff.getTime();
};
