import { csvColumns, csvRecord, neutraliseFormula } from '../../../server/src/domain/call-csv';

describe('CSV rows', () => {
  const call = {
    callId: 'c-1',
    callingNumber: '+8613812345678',
    calledNumber: null,
    accessCode: '1001',
    botKind: 'INTELLIGENT_ROBOT',
    botName: 'Billing, "main"',
    startTime: '2026-03-01T16:30:00.000Z',
    endTime: '2026-03-01T16:31:05.000Z',
    durationSeconds: 65,
    endReason: 'USER_HANGUP',
    flowSteps: 2,
    recordingDecision: { reason: 'CHATRECORDFLAG is ON' },
    region: 'north',
    tags: { vip: true },
  };

  it('puts each time in UTC and in the zone, the flow summary, then the extra attributes', () => {
    const columns = csvColumns(['region', 'tags']);
    const record = csvRecord(call, 'Asia/Shanghai', ['region', 'tags']);
    expect(record).toHaveLength(columns.length);
    const row = Object.fromEntries(columns.map((name, index) => [name, record[index]]));
    expect(row).toMatchObject({
      callId: 'c-1',
      calledNumber: '',
      botName: 'Billing, "main"',
      startTimeUtc: '2026-03-01T16:30:00.000Z',
      startTimeLocal: '2026-03-02T00:30:00.000+08:00',
      endTimeLocal: '2026-03-02T00:31:05.000+08:00',
      timeZone: 'Asia/Shanghai',
      durationSeconds: '65',
      flowRecorded: 'true',
      flowSteps: '2',
      recordingReason: 'CHATRECORDFLAG is ON',
      region: 'north',
      tags: '{"vip":true}',
    });
  });

  it('writes the same cells from Dates as from ISO strings (the export reads Dates), an extra datetime included', () => {
    const extras = ['region', 'answeredAt'];
    const answeredAt = '2026-03-01T16:30:07.000Z';
    const fromText = csvRecord({ ...call, answeredAt }, 'America/New_York', extras);
    const fromDates = csvRecord(
      {
        ...call,
        startTime: new Date(call.startTime),
        endTime: new Date(call.endTime),
        answeredAt: new Date(answeredAt),
      },
      'America/New_York',
      extras
    );
    expect(fromDates).toEqual(fromText);
    expect(fromDates).toContain('2026-03-01T11:30:00.000-05:00');
    expect(fromDates).toContain(answeredAt);
  });

  it('says when no flow was recorded', () => {
    const columns = csvColumns([]);
    const record = csvRecord({ ...call, flowSteps: null }, 'UTC', []);
    expect(record[columns.indexOf('flowRecorded')]).toBe('false');
    expect(record[columns.indexOf('flowSteps')]).toBe('');
  });

  it('takes flowRecorded from the decision snapshot, steps or no steps', () => {
    const columns = csvColumns([]);
    const cell = (overrides: object) =>
      csvRecord({ ...call, ...overrides }, 'UTC', [])[columns.indexOf('flowRecorded')];
    // Kept with flow recording on, but the platform sent no trace.
    expect(cell({ flowSteps: null, recordingDecision: { recordFlow: true } })).toBe('true');
    expect(cell({ flowSteps: 1, recordingDecision: { recordFlow: false } })).toBe('false');
    // No snapshot (a record older than the snapshot): the stored step count decides.
    expect(cell({ flowSteps: 1, recordingDecision: null })).toBe('true');
    expect(cell({ flowSteps: null, recordingDecision: null })).toBe('false');
  });

  it('never reads the trace: the step count is the stored one', () => {
    const columns = csvColumns([]);
    const record = csvRecord({ ...call, flowTrace: [{ seq: 1 }], flowSteps: 7 }, 'UTC', []);
    expect(record[columns.indexOf('flowSteps')]).toBe('7');
  });

  describe('formula injection', () => {
    it.each([
      ['=HYPERLINK("http://evil.test","x")', `'=HYPERLINK("http://evil.test","x")`],
      ['+cmd|calc', "'+cmd|calc"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ['+86 138 0013 8000', "'+86 138 0013 8000"],
    ])('neutralises %j', (cell, expected) => {
      expect(neutraliseFormula(cell)).toBe(expected);
    });

    it.each(['+8613800138000', '-5', '12.5', '13800138000', 'USER_HANGUP', '', 'a=b'])(
      'leaves %j as it is',
      (cell) => {
        expect(neutraliseFormula(cell)).toBe(cell);
      }
    );

    it('applies to every cell, extra attributes included, and keeps numbers', () => {
      const columns = csvColumns(['region']);
      const record = csvRecord(
        { ...call, endReason: '=1+1', botName: '@evil', region: '-x' },
        'UTC',
        ['region']
      );
      const row = Object.fromEntries(columns.map((name, index) => [name, record[index]]));
      expect(row).toMatchObject({
        callingNumber: '+8613812345678',
        endReason: "'=1+1",
        botName: "'@evil",
        region: "'-x",
      });
    });
  });
});
