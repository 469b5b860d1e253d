/**
 * The recording decision (docs/design.md#the-recording-decision): whether a call is kept in
 * the call history and whether its flow details are kept. Pure on purpose: it is the single source of truth for every write
 * path (lifecycles, batch ingest, the bots list) and is tested exhaustively without Strapi.
 */

import {
  BOT_KINDS,
  isBotKind,
  type BotKind,
  type BotSnapshot,
  type BotSwitchName,
} from '../../../shared/contracts/bots';
import type { DecisionPart, RecordingDecision } from '../../../shared/contracts/calls';
import {
  FLAG_NAMES,
  FLAG_VALUES,
  isFlagValue,
  type FlagName,
  type FlagValue,
  type RecordingFlags,
} from '../../../shared/contracts/settings';

// The vocabulary of the decision is the admin API's too: it lives in shared/contracts.
export { BOT_KINDS, FLAG_NAMES, FLAG_VALUES, isBotKind, isFlagValue };
export type {
  BotKind,
  BotSnapshot,
  BotSwitchName,
  DecisionPart,
  FlagName,
  FlagValue,
  RecordingDecision,
  RecordingFlags,
};

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
 * Applies the rule of docs/design.md#the-recording-decision.
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
