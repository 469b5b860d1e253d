import { DEFAULT_FLAGS, diffFlags, flagsToRow, rowToFlags } from '../../../server/src/domain/flags';

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
