import { csvColumns, csvRecord } from '../../../server/src/domain/call-csv';

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
    flowTrace: [{ seq: 1 }, { seq: 2 }],
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

  it('says when no flow was recorded', () => {
    const columns = csvColumns([]);
    const record = csvRecord({ ...call, flowTrace: null }, 'UTC', []);
    expect(record[columns.indexOf('flowRecorded')]).toBe('false');
    expect(record[columns.indexOf('flowSteps')]).toBe('');
  });
});
