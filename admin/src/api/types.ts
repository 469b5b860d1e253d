/** Shapes of the plugin's admin API (DESIGN §3), as the pages read them. */

export const FLAG_NAMES = ['CHATRECORDFLAG', 'FLOWRECORDFLAG', 'CCIVRRECORDFLAG'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];
export const FLAG_VALUES = ['ON', 'OFF', 'BOT_LEVEL'] as const;
export type FlagValue = (typeof FLAG_VALUES)[number];
export type Flags = Record<FlagName, FlagValue>;

export type BotKind = 'INTELLIGENT_ROBOT' | 'COMMON_IVR';

export interface SettingsChange {
  at: string;
  user: { id: number; email: string | null } | null;
  changes: Partial<Record<FlagName, { from: FlagValue | null; to: FlagValue }>>;
}

export interface Bot {
  kind: BotKind;
  id: number;
  name: string;
  accessCode: string;
  description: string | null;
  historicalCallRecord: boolean;
  flowCallRecording: boolean;
  effective: {
    call: boolean;
    flow: boolean;
    reason: string;
    callDecidedBy: 'tenant-flag' | 'bot-switch';
    flowDecidedBy: 'tenant-flag' | 'bot-switch';
  };
}

export type BotInput = Pick<
  Bot,
  'name' | 'accessCode' | 'description' | 'historicalCallRecord' | 'flowCallRecording'
>;

export interface DecisionPart {
  recorded: boolean;
  flag: FlagName;
  flagValue: FlagValue;
  botSwitch: { name: 'historicalCallRecord' | 'flowCallRecording'; value: boolean } | null;
  reason: string;
}

export interface RecordingDecision {
  recordCall: boolean;
  recordFlow: boolean;
  botKind: BotKind | null;
  bot: { kind: BotKind; id: number; name: string; accessCode: string } | null;
  call: DecisionPart;
  flow: DecisionPart | null;
  reason: string;
}

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
}

/**
 * A search row: the list columns only. The trace is Call Details' (behind calls.details); the
 * row says whether flow details were kept and how many steps they have.
 */
export interface CallListRow extends CallFields {
  flowRecorded: boolean;
  flowSteps: number | null;
}

/** The body of `POST /calls/export`, `/calls/export/ticket` and `/calls/stats`. */
export interface FilterBody {
  from: string;
  to: string;
  tz: string;
  callingNumber?: string;
  accessCode?: string;
}

/** The body of `POST /calls/search`. */
export interface SearchBody extends FilterBody {
  pageSize: number;
  cursor?: string;
}

export interface SearchFilters {
  /** Local calendar days, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  callingNumber?: string;
  accessCode?: string;
}

export interface SearchPage {
  results: CallListRow[];
  pagination: {
    pageSize: number;
    nextCursor: string | null;
    total: number;
    totalIsCapped: boolean;
  };
}

export interface CallStats {
  perDay: Array<{ day: string; count: number }>;
  perAccessCode: Array<{ accessCode: string; count: number }>;
}
