/**
 * Retention, purge and erasure as the admin API and the event hub answer them. Shared by the
 * server and the admin: types only, nothing that needs Strapi.
 */
import type { BotKind } from './bots';

/** Whose period applies: the bot's own override, the tenant's, or none (kept forever). */
export type RetentionSource = 'bot' | 'tenant' | null;

/**
 * The calls one retention rule covers: one robot or IVR flow (by its access code), or, with
 * `bot` null, every call whose access code no robot or IVR flow owns.
 */
export interface RetentionBot {
  kind: BotKind;
  id: number;
  name: string;
  accessCode: string;
}

/** One row of the dry run (`GET /retention/preview`). */
export interface RetentionPreviewRow {
  bot: RetentionBot | null;
  retentionDays: number | null;
  source: RetentionSource;
  /** Calls started before it expire; null when the calls are kept forever. */
  cutoff: string | null;
  /** How many calls the next run would delete; exact up to the cap, then `capped`. */
  expiring: number;
  capped: boolean;
  /** Expired calls under legal hold: kept. */
  held: number;
  /** The start time of the oldest call the run keeps; null when it keeps none. */
  oldestKept: string | null;
}

export interface RetentionPreview {
  at: string;
  tenantRetentionDays: number | null;
  rows: RetentionPreviewRow[];
}

/** What a purge deleted for one rule: counts only, never a number. */
export interface PurgeCount {
  bot: RetentionBot | null;
  retentionDays: number;
  deleted: number;
}

/** The answer of the purge service, and the payload of `call-history.calls.purged`. */
export interface PurgeResult {
  at: string;
  deleted: number;
  perBot: PurgeCount[];
  batches: number;
  /** Expired calls kept because they are held. */
  skippedHeld: number;
  /** Set when the run did nothing because another node was purging. */
  skipped?: 'another-node-is-purging';
}

/** `POST /calls/erase/preview`. */
export interface ErasurePreview {
  /** Calls of the number the erasure would delete. */
  matching: number;
  /** Calls of the number under legal hold: never erased. */
  held: number;
}

/** `POST /calls/erase`. */
export interface ErasureResult {
  erased: number;
  held: number;
}
