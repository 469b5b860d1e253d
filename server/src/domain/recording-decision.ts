/**
 * The recording decision of DESIGN §1: whether a call is kept in the call history and whether
 * its flow details are kept. Pure on purpose: it is the single source of truth for every write
 * path (lifecycles, batch ingest, the bots list) and is tested exhaustively without Strapi.
 */

export const FLAG_VALUES = ['ON', 'OFF', 'BOT_LEVEL'] as const;
export type FlagValue = (typeof FLAG_VALUES)[number];

export const FLAG_NAMES = ['CHATRECORDFLAG', 'FLOWRECORDFLAG', 'CCIVRRECORDFLAG'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export const BOT_KINDS = ['INTELLIGENT_ROBOT', 'COMMON_IVR'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

export type RecordingFlags = Record<FlagName, FlagValue>;

export type BotSwitchName = 'historicalCallRecord' | 'flowCallRecording';

/** The robot or IVR flow that owns a call's access code, as far as the decision needs it. */
export interface BotSnapshot {
  kind: BotKind;
  id: number;
  name: string;
  accessCode: string;
  historicalCallRecord: boolean;
  flowCallRecording: boolean;
}

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

export interface DecisionInput {
  flags: RecordingFlags;
  /** The robot or IVR flow owning the call's access code, or null when none does. */
  bot: BotSnapshot | null;
  /** The call's own kind, used only when no bot owns the access code. */
  callBotKind?: BotKind | null;
  accessCode: string;
}

export const FLOW_FLAG_BY_KIND: Record<BotKind, FlagName> = {
  INTELLIGENT_ROBOT: 'FLOWRECORDFLAG',
  COMMON_IVR: 'CCIVRRECORDFLAG',
};

export const BOT_LABEL: Record<BotKind, string> = {
  INTELLIGENT_ROBOT: 'robot',
  COMMON_IVR: 'IVR flow',
};

export const isFlagValue = (value: unknown): value is FlagValue =>
  typeof value === 'string' && (FLAG_VALUES as readonly string[]).includes(value);

export const isBotKind = (value: unknown): value is BotKind =>
  typeof value === 'string' && (BOT_KINDS as readonly string[]).includes(value);

const decidePart = (
  flag: FlagName,
  flagValue: FlagValue,
  bot: BotSnapshot | null,
  switchName: BotSwitchName,
  accessCode: string
): DecisionPart => {
  if (flagValue !== 'BOT_LEVEL') {
    return {
      recorded: flagValue === 'ON',
      flag,
      flagValue,
      botSwitch: null,
      reason: `${flag} is ${flagValue}`,
    };
  }
  if (!bot) {
    return {
      recorded: false,
      flag,
      flagValue,
      botSwitch: null,
      reason: `${flag} is BOT_LEVEL and no robot or IVR flow has access code ${accessCode}`,
    };
  }
  const value = bot[switchName];
  return {
    recorded: value,
    flag,
    flagValue,
    botSwitch: { name: switchName, value },
    reason: `${BOT_LABEL[bot.kind]} ${bot.accessCode} has ${switchName} ${value ? 'on' : 'off'}`,
  };
};

/**
 * Applies the rule of DESIGN §1.
 *
 * The flow flag depends on the bot's kind (or, without a bot, on the call's own `botKind`);
 * a call recorded without any known kind gets `recordFlow: false`, since no flow flag applies:
 * callers that require a kind validate it before asking.
 */
export const decideRecording = ({
  flags,
  bot,
  callBotKind,
  accessCode,
}: DecisionInput): RecordingDecision => {
  const botKind = bot ? bot.kind : (callBotKind ?? null);
  const botSummary = bot
    ? { kind: bot.kind, id: bot.id, name: bot.name, accessCode: bot.accessCode }
    : null;
  const call = decidePart(
    'CHATRECORDFLAG',
    flags.CHATRECORDFLAG,
    bot,
    'historicalCallRecord',
    accessCode
  );

  if (!call.recorded) {
    return {
      recordCall: false,
      recordFlow: false,
      botKind,
      bot: botSummary,
      call,
      flow: null,
      reason: call.reason,
    };
  }

  if (!botKind) {
    return {
      recordCall: true,
      recordFlow: false,
      botKind,
      bot: botSummary,
      call,
      flow: null,
      reason: 'the call has no botKind, so no flow flag applies',
    };
  }

  const flowFlag = FLOW_FLAG_BY_KIND[botKind];
  const flow = decidePart(flowFlag, flags[flowFlag], bot, 'flowCallRecording', accessCode);
  return {
    recordCall: true,
    recordFlow: flow.recorded,
    botKind,
    bot: botSummary,
    call,
    flow,
    reason: flow.reason,
  };
};
