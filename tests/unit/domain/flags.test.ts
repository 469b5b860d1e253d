import {
  DEFAULT_FLAGS,
  DEFAULT_SETTINGS,
  diffFlags,
  diffSettings,
  flagsToRow,
  rowToFlags,
  rowToSettings,
  settingsToRow,
} from '../../../server/src/domain/flags';

describe('flag mapping', () => {
  it('maps API names to attributes and back', () => {
    const flags = {
      CHATRECORDFLAG: 'ON',
      FLOWRECORDFLAG: 'BOT_LEVEL',
      CCIVRRECORDFLAG: 'OFF',
    } as const;
    expect(flagsToRow(flags)).toEqual({
      chatRecordFlag: 'ON',
      flowRecordFlag: 'BOT_LEVEL',
      ccIvrRecordFlag: 'OFF',
    });
    expect(rowToFlags(flagsToRow(flags))).toEqual(flags);
  });

  it('maps only the flags given (a PUT may send any subset)', () => {
    expect(flagsToRow({ FLOWRECORDFLAG: 'ON' })).toEqual({ flowRecordFlag: 'ON' });
  });

  it('reads a missing row or value as OFF', () => {
    expect(rowToFlags(null)).toEqual(DEFAULT_FLAGS);
    expect(rowToFlags({ chatRecordFlag: 'ON', flowRecordFlag: null })).toEqual({
      ...DEFAULT_FLAGS,
      CHATRECORDFLAG: 'ON',
    });
  });

  it('reads a value that is not a flag value (written around the lifecycles) as OFF', () => {
    const row = { chatRecordFlag: 'MAYBE', flowRecordFlag: 'ON' } as unknown as Parameters<
      typeof rowToFlags
    >[0];
    expect(rowToFlags(row)).toEqual({ ...DEFAULT_FLAGS, FLOWRECORDFLAG: 'ON' });
  });

  it('diffs only what changed', () => {
    expect(diffFlags(DEFAULT_FLAGS, { ...DEFAULT_FLAGS, CCIVRRECORDFLAG: 'BOT_LEVEL' })).toEqual({
      CCIVRRECORDFLAG: { from: 'OFF', to: 'BOT_LEVEL' },
    });
    expect(diffFlags(DEFAULT_FLAGS, DEFAULT_FLAGS)).toEqual({});
  });
});

describe('the tenant settings: flags and retention period', () => {
  it('reads a missing or out-of-bounds period as "keep forever"', () => {
    expect(rowToSettings(null).retentionDays).toBeNull();
    expect(rowToSettings({ retentionDays: 0 }).retentionDays).toBeNull();
    expect(rowToSettings({ retentionDays: 36_501 }).retentionDays).toBeNull();
    expect(rowToSettings({ retentionDays: 365, chatRecordFlag: 'ON' })).toEqual({
      ...DEFAULT_SETTINGS,
      CHATRECORDFLAG: 'ON',
      retentionDays: 365,
    });
  });

  it('writes the period, null included, and diffs it like a flag', () => {
    expect(settingsToRow({ retentionDays: null })).toEqual({ retentionDays: null });
    expect(settingsToRow({ CHATRECORDFLAG: 'ON' })).toEqual({ chatRecordFlag: 'ON' });
    expect(
      diffSettings(DEFAULT_SETTINGS, {
        ...DEFAULT_SETTINGS,
        retentionDays: 30,
        CHATRECORDFLAG: 'ON',
      })
    ).toEqual({
      CHATRECORDFLAG: { from: 'OFF', to: 'ON' },
      retentionDays: { from: null, to: 30 },
    });
    expect(diffSettings(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual({});
  });
});
