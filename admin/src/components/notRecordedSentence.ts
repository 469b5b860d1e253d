import type { CallRecord, FlagValue } from '../api/types';
import type { Translate } from '../hooks/useT';

const FLAG_VALUE_TEXT: Record<FlagValue, [string, string]> = {
  ON: ['flag.value.ON', 'On'],
  OFF: ['flag.value.OFF', 'Off'],
  BOT_LEVEL: ['flag.value.BOT_LEVEL', 'Bot-level control'],
};

/**
 * The plain sentence saying why a call has no flow details, from the decision snapshot taken
 * when it was stored (docs/design.md#the-recording-decision): it names the flag, and the bot switch when one decided.
 * Null when the details were recorded.
 */
export const notRecordedSentence = (call: CallRecord, t: Translate): string | null => {
  const decision = call.recordingDecision;
  if (!decision) {
    return call.flowTrace
      ? null
      : t(
          'details.notRecorded.noDecision',
          'Flow details were not recorded. No recording decision was stored with this call.'
        );
  }
  if (decision.recordFlow) return null;
  const part = decision.flow;
  if (!part) {
    return t(
      'details.notRecorded.noKind',
      'Flow details were not recorded: the call had no robot or IVR kind, so no flow flag applied.'
    );
  }
  const [valueId, valueText] = FLAG_VALUE_TEXT[part.flagValue];
  const values = {
    flag: part.flag,
    value: t(valueId, valueText),
    accessCode: decision.bot?.accessCode ?? call.accessCode,
    bot: decision.bot?.name ?? call.accessCode,
  };
  if (part.botSwitch) {
    return decision.bot?.kind === 'COMMON_IVR'
      ? t(
          'details.notRecorded.ivrSwitch',
          'Flow details were not recorded: {flag} was set to Bot-level control, and the IVR flow "{bot}" ({accessCode}) had its flow call recording switch off.',
          values
        )
      : t(
          'details.notRecorded.robotSwitch',
          'Flow details were not recorded: {flag} was set to Bot-level control, and the robot "{bot}" ({accessCode}) had its flow call recording switch off.',
          values
        );
  }
  if (part.flagValue === 'BOT_LEVEL') {
    return t(
      'details.notRecorded.noBot',
      'Flow details were not recorded: {flag} was set to Bot-level control, and no robot or IVR flow had access code {accessCode}.',
      values
    );
  }
  return t(
    'details.notRecorded.flag',
    'Flow details were not recorded: {flag} was set to {value} when the call was stored.',
    values
  );
};
