/** Shapes of the plugin's admin API, as the pages read them: the server's, from shared/contracts. */

import type { AuditAction } from '../../../shared/contracts/audit';
import type { BotInput as BotFields } from '../../../shared/contracts/bots';
import type { SearchPageSize, SearchSort } from '../../../shared/contracts/calls';

export { BOT_KINDS, type Bot, type BotKind, type DecidedBy } from '../../../shared/contracts/bots';
export type {
  BulkHoldResult,
  CallFields,
  CallDetailsAnswer,
  CallHold,
  CallListRow,
  CallNumbers,
  CallPage,
  CallRecord,
  CallStats,
  DecisionPart,
  ExportBody,
  FilterBody,
  SavedSearch,
  SavedSearchBody,
  FlowStep,
  RecordingDecision,
  SearchBody,
  SearchPage,
  SearchPageSize,
  SearchSort,
} from '../../../shared/contracts/calls';
export {
  DEFAULT_SEARCH_PAGE_SIZE,
  DEFAULT_SEARCH_SORT,
  SEARCH_PAGE_SIZES,
  SEARCH_SORTS,
} from '../../../shared/contracts/calls';
export {
  FLAG_NAMES,
  FLAG_VALUES,
  type FlagName,
  type FlagValue,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type RecordingFlags as Flags,
  type SettingsChange,
  type TenantSettings,
} from '../../../shared/contracts/settings';
export type {
  ErasurePreview,
  ErasureResult,
  RetentionPreview,
  RetentionPreviewRow,
} from '../../../shared/contracts/retention';

export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntry,
  type AuditPage,
} from '../../../shared/contracts/audit';

/** The robot form always sends every field. */
export type BotInput = Required<BotFields>;

export interface SearchFilters {
  /** Local calendar days, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  callingNumber?: string;
  accessCode?: string;
}

/** How the results are shown: their order and how many a page holds. */
export interface SearchView {
  sort: SearchSort;
  pageSize: SearchPageSize;
}

/** The Audit Log page's filters, as the form holds them. */
export interface AuditFilters {
  actions: AuditAction[];
  /** An admin's email or id; '' for everyone. */
  user: string;
  /** Local calendar days, YYYY-MM-DD, both included; '' for an open end. */
  from: string;
  to: string;
}
