/**
 * Calls as the admin API answers them (`/calls` routes): the decision snapshot each stored call
 * keeps, search rows, Call Details, statistics, and which attributes are the plugin's own.
 * Shared by the server and the admin.
 */
import type { BotKind, BotSnapshot, BotSwitchName } from './bots';
import type { FlagName, FlagValue } from './settings';

/** How one of the two questions (keep the call? keep its flow?) was answered. */
export interface DecisionPart {
  recorded: boolean;
  flag: FlagName;
  flagValue: FlagValue;
  /** The bot switch consulted: only when the flag is BOT_LEVEL and a bot owns the access code. */
  botSwitch: { name: BotSwitchName; value: boolean } | null;
  /** One plain sentence naming the flag or switch that decided, e.g. `CHATRECORDFLAG is OFF`. */
  reason: string;
}

/** The snapshot kept on every stored record, so that later flag changes never rewrite history. */
export interface RecordingDecision {
  recordCall: boolean;
  recordFlow: boolean;
  botKind: BotKind | null;
  bot: Pick<BotSnapshot, 'kind' | 'id' | 'name' | 'accessCode'> | null;
  call: DecisionPart;
  /** Null when the call itself is not recorded: the flow question is then moot. */
  flow: DecisionPart | null;
  /** The reason of the part that settled the outcome. */
  reason: string;
}

/** The fields a platform sends for a call: the ingest's contract. */
export const CALL_CONTRACT_KEYS = [
  'callId',
  'callingNumber',
  'calledNumber',
  'accessCode',
  'botKind',
  'startTime',
  'endTime',
  'endReason',
  'flowTrace',
] as const;

/** What the plugin decides when it stores a call, kept with it. */
export const CALL_DECIDED_FIELDS = ['botName', 'durationSeconds', 'recordingDecision'] as const;

/** What the plugin derives from the contract when it stores a call (search helpers). */
export const CALL_DERIVED_FIELDS = ['callingNumberReversed', 'flowSteps'] as const;

/**
 * The legal hold (`calls.hold`): set and cleared by the plugin's hold service only, never a
 * contract field nor an extension attribute.
 */
export const CALL_HOLD_FIELDS = ['heldAt', 'holdReason'] as const;

/** Attributes Strapi adds to every content type. */
export const SYSTEM_ATTRIBUTES = [
  'id',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
] as const;

/**
 * Attributes the plugin or Strapi owns, the search row's `flowRecorded` included: anything else
 * on a call was added by a developer extending call-record.
 */
export const OWN_CALL_ATTRIBUTES: readonly string[] = [
  ...CALL_CONTRACT_KEYS,
  ...CALL_DECIDED_FIELDS,
  ...CALL_DERIVED_FIELDS,
  ...CALL_HOLD_FIELDS,
  'flowRecorded',
  'held',
  ...SYSTEM_ATTRIBUTES,
];

export interface FlowStep {
  seq: number;
  at: string;
  nodeId: string;
  nodeName?: string | null;
  nodeType?: string | null;
  userInput?: string | null;
  botReply?: string | null;
  resultCode?: string | null;
  durationMs?: number | null;
  /**
   * Set by the details route on every step (the one rule, on the server): the step is a
   * sys_err (its nodeType or its resultCode), it is at or after the end of the call, and both.
   */
  sysErr?: boolean;
  afterHangup?: boolean;
  benign?: boolean;
}

/** What a search row and Call Details both carry. */
export interface CallFields {
  id?: number;
  callId: string;
  callingNumber: string;
  calledNumber?: string | null;
  accessCode: string;
  botKind: BotKind | null;
  botName?: string | null;
  startTime: string;
  endTime: string;
  durationSeconds?: number | null;
  endReason?: string | null;
  /** The number of steps of the trace kept, counted when the call was stored. */
  flowSteps?: number | null;
  recordingDecision?: RecordingDecision | null;
  /** Attributes a developer added by extension. */
  [attribute: string]: unknown;
}

/** Call Details (`GET /calls/:callId`): every readable attribute, the flow trace included. */
export interface CallRecord extends CallFields {
  flowTrace?: FlowStep[] | null;
  /** Under legal hold: never purged nor erased until released. */
  held: boolean;
  /** When the hold was placed (the first hold's time); null when not held. */
  heldAt: string | null;
  holdReason: string | null;
}

/** The answer of `GET /calls/:callId`: the call, and the labels of developer-added attributes. */
export interface CallDetailsAnswer {
  data: CallRecord;
  meta: {
    /** Attribute name → its `pluginOptions['call-history'].label`, for those that have one. */
    attributeLabels: Record<string, string>;
  };
}

/**
 * A search row: the list columns only. The trace is Call Details' (behind calls.details); the
 * row says whether flow details were kept and how many steps they have.
 */
export interface CallListRow extends CallFields {
  flowRecorded: boolean;
  flowSteps: number | null;
  /** Under legal hold (read from the hold's time only; the reason is Call Details'). */
  held: boolean;
}

/** The body of `POST /calls/export`, `/calls/export/ticket` and `/calls/stats`. */
export interface FilterBody {
  from: string;
  to: string;
  tz: string;
  callingNumber?: string;
  accessCode?: string;
}

/**
 * The orders a search can be read in, as `attribute:direction`; ties are broken by id in the
 * same direction. Newest first is the default.
 */
export const SEARCH_SORTS = [
  'startTime:desc',
  'startTime:asc',
  'durationSeconds:desc',
  'durationSeconds:asc',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_SEARCH_SORT: SearchSort = 'startTime:desc';

/** The page sizes a search accepts; anything else is a 400 naming pageSize. */
export const SEARCH_PAGE_SIZES = [20, 50, 100] as const;
export type SearchPageSize = (typeof SEARCH_PAGE_SIZES)[number];
export const DEFAULT_SEARCH_PAGE_SIZE: SearchPageSize = 20;

/** The body of `POST /calls/export` and `/calls/export/ticket`: the rows in the search's order. */
export interface ExportBody extends FilterBody {
  sort?: SearchSort;
}

/** The body of `POST /calls/search`. */
export interface SearchBody extends ExportBody {
  pageSize: number;
  cursor?: string;
}

/** A search as a saved search keeps it: a search body without its cursor. */
export type SavedSearchBody = Omit<SearchBody, 'cursor'>;

/** One of the admin's own saved searches (`/saved-searches`). */
export interface SavedSearch {
  id: number;
  name: string;
  search: SavedSearchBody & { sort: SearchSort };
  createdAt: string;
}

/** The answer of `POST /calls/search`. */
export interface SearchPage {
  results: CallListRow[];
  pagination: {
    pageSize: number;
    sort: SearchSort;
    nextCursor: string | null;
    total: number;
    totalIsCapped: boolean;
  };
}

/**
 * The answer of `POST /calls/:callId/reveal`: the call's full numbers, its phone-number
 * extension attributes included (every other answer masks them).
 */
export interface CallNumbers {
  callId: string;
  callingNumber: string;
  calledNumber?: string | null;
  [phoneAttribute: string]: unknown;
}

/** The body of `POST /calls/:callId/hold` and `/calls/:callId/release`. */
export interface HoldBody {
  reason: string;
}

/** The body of `POST /calls/hold`: the search's filters and why. */
export interface BulkHoldBody extends FilterBody {
  reason: string;
}

/** The answer of `POST /calls/hold`: calls held now, and matching calls that already were. */
export interface BulkHoldResult {
  held: number;
  alreadyHeld: number;
}

/** The answer of `POST /calls/:callId/hold` and `/release`: the call's hold as it now stands. */
export interface CallHold {
  callId: string;
  held: boolean;
  heldAt: string | null;
  holdReason: string | null;
}

/** The answer of `POST /calls/stats`. */
export interface CallStats {
  perDay: Array<{ day: string; count: number }>;
  perAccessCode: Array<{ accessCode: string; count: number }>;
  /**
   * A calling-number filter matched more than `totalCap` calls: the counts are those of the
   * newest `totalCap` matches only.
   */
  isCapped: boolean;
}

/**
 * The answer of `POST /calls/page`: a page of the search and the statistics of its filters,
 * what the Call History page shows for a new search, in one request.
 */
export interface CallPage extends SearchPage {
  stats: CallStats;
}
