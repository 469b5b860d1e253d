import {
  BOT_KINDS,
  FLAG_VALUES,
  decideRecording,
  type BotKind,
  type BotSnapshot,
  type FlagValue,
  type RecordingFlags,
} from '../../../server/src/domain/recording-decision';

/** The rule of docs/design.md#the-recording-decision, transcribed literally: the oracle every combination is checked against. */
const designRule = (flags: RecordingFlags, bot: BotSnapshot | null, kind: BotKind) => {
  const recordCall =
    flags.CHATRECORDFLAG === 'ON' ||
    (flags.CHATRECORDFLAG === 'BOT_LEVEL' && bot !== null && bot.historicalCallRecord);
  const flowFlag = kind === 'INTELLIGENT_ROBOT' ? flags.FLOWRECORDFLAG : flags.CCIVRRECORDFLAG;
  const recordFlow =
    recordCall &&
    (flowFlag === 'ON' || (flowFlag === 'BOT_LEVEL' && bot !== null && bot.flowCallRecording));
  return { recordCall, recordFlow };
};

const allFlags: RecordingFlags[] = FLAG_VALUES.flatMap((chat) =>
  FLAG_VALUES.flatMap((flow) =>
    FLAG_VALUES.map((ivr) => ({ CHATRECORDFLAG: chat, FLOWRECORDFLAG: flow, CCIVRRECORDFLAG: ivr }))
  )
);

const allBots = (kind: BotKind): Array<BotSnapshot | null> => [
  null,
  ...[false, true].flatMap((historicalCallRecord) =>
    [false, true].map((flowCallRecording) => ({
      kind,
      id: 7,
      name: 'Billing bot',
      accessCode: '10086',
      historicalCallRecord,
      flowCallRecording,
    }))
  ),
];

const cases = allFlags.flatMap((flags) =>
  BOT_KINDS.flatMap((kind) => allBots(kind).map((bot) => ({ flags, kind, bot })))
);

describe('decideRecording', () => {
  it.each(cases)('follows the recording rule for %j', ({ flags, kind, bot }) => {
    const decision = decideRecording({ flags, bot, callBotKind: kind, accessCode: '10086' });
    expect({ recordCall: decision.recordCall, recordFlow: decision.recordFlow }).toEqual(
      designRule(flags, bot, kind)
    );
    expect(decision.botKind).toBe(kind);
    expect(decision.call.flag).toBe('CHATRECORDFLAG');
    expect(decision.call.flagValue).toBe(flags.CHATRECORDFLAG);
    if (decision.recordCall) {
      const expectedFlowFlag = kind === 'INTELLIGENT_ROBOT' ? 'FLOWRECORDFLAG' : 'CCIVRRECORDFLAG';
      expect(decision.flow?.flag).toBe(expectedFlowFlag);
      expect(decision.flow?.flagValue).toBe(flags[expectedFlowFlag]);
    } else {
      expect(decision.flow).toBeNull();
    }
  });

  it('takes the kind from the bot, not from the call, when a bot owns the access code', () => {
    const bot = allBots('COMMON_IVR')[4] as BotSnapshot;
    const decision = decideRecording({
      flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'OFF' },
      bot,
      callBotKind: 'INTELLIGENT_ROBOT',
      accessCode: '10086',
    });
    expect(decision.botKind).toBe('COMMON_IVR');
    expect(decision.recordFlow).toBe(false);
    expect(decision.reason).toBe('CCIVRRECORDFLAG is OFF');
  });

  it('names the flag when the tenant flag decides', () => {
    const off = decideRecording({
      flags: { CHATRECORDFLAG: 'OFF', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' },
      bot: null,
      callBotKind: 'COMMON_IVR',
      accessCode: '1',
    });
    expect(off.reason).toBe('CHATRECORDFLAG is OFF');
    expect(off.call.botSwitch).toBeNull();
  });

  it('names the bot switch when bot-level control decides', () => {
    const robot: BotSnapshot = {
      ...(allBots('INTELLIGENT_ROBOT')[4] as BotSnapshot),
      historicalCallRecord: true,
      flowCallRecording: false,
    };
    const flags: RecordingFlags = {
      CHATRECORDFLAG: 'BOT_LEVEL',
      FLOWRECORDFLAG: 'BOT_LEVEL',
      CCIVRRECORDFLAG: 'ON',
    };
    const decision = decideRecording({ flags, bot: robot, accessCode: '10086' });
    expect(decision.recordCall).toBe(true);
    expect(decision.call.botSwitch).toEqual({ name: 'historicalCallRecord', value: true });
    expect(decision.flow?.botSwitch).toEqual({ name: 'flowCallRecording', value: false });
    expect(decision.reason).toBe('robot 10086 has flowCallRecording off');

    const refused = decideRecording({
      flags,
      bot: allBots('INTELLIGENT_ROBOT')[1],
      accessCode: '10086',
    });
    expect(refused.reason).toBe('robot 10086 has historicalCallRecord off');
  });

  it('says that no bot owns the access code under bot-level control', () => {
    const decision = decideRecording({
      flags: { CHATRECORDFLAG: 'BOT_LEVEL', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' },
      bot: null,
      callBotKind: 'INTELLIGENT_ROBOT',
      accessCode: '555',
    });
    expect(decision.recordCall).toBe(false);
    expect(decision.reason).toBe(
      'CHATRECORDFLAG is BOT_LEVEL and no robot or IVR flow has access code 555'
    );
  });

  it('keeps a call without any kind but no flow, since no flow flag applies', () => {
    const decision = decideRecording({
      flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'ON', CCIVRRECORDFLAG: 'ON' },
      bot: null,
      accessCode: '555',
    });
    expect(decision).toMatchObject({ recordCall: true, recordFlow: false, botKind: null });
  });

  it.each(FLAG_VALUES.map((v): [FlagValue] => [v]))(
    'never records a flow when the call is not recorded (CHATRECORDFLAG OFF, flow %s)',
    (value) => {
      const decision = decideRecording({
        flags: { CHATRECORDFLAG: 'OFF', FLOWRECORDFLAG: value, CCIVRRECORDFLAG: value },
        bot: allBots('INTELLIGENT_ROBOT')[4],
        accessCode: '10086',
      });
      expect(decision.recordFlow).toBe(false);
    }
  );
});
