import {
  CONTRACT_FIELDS,
  IMMUTABLE_FIELDS,
  changedImmutableFields,
  heldFieldsOnCreate,
  immutableFieldMessage,
  sameStoredValue,
} from '../../../server/src/domain/call-immutability';

describe('sameStoredValue', () => {
  it.each([
    ['startTime', '2026-03-01T16:30:00+08:00', '2026-03-01T08:30:00.000Z'],
    ['startTime', new Date('2026-03-01T08:30:00Z'), '2026-03-01T08:30:00.000Z'],
    ['durationSeconds', '125', 125],
    ['calledNumber', '', null],
    ['endReason', undefined, null],
    ['recordingDecision', { b: 2, a: { d: 1, c: [1, 2] } }, { a: { c: [1, 2], d: 1 }, b: 2 }],
  ])('reads %s sent as %j as the stored %j', (field, sent, stored) => {
    expect(sameStoredValue(field, sent, stored)).toBe(true);
  });

  it.each([
    ['startTime', '2026-03-01T08:30:01Z', '2026-03-01T08:30:00.000Z'],
    ['startTime', 'not a time', '2026-03-01T08:30:00.000Z'],
    ['durationSeconds', 126, 125],
    ['calledNumber', '10010', null],
    ['calledNumber', null, '10086'],
    ['callingNumber', 8613800138000, '8613800138000'],
    ['flowTrace', [{ seq: 1 }], [{ seq: 0 }]],
    ['recordingDecision', { recordFlow: true }, { recordFlow: false }],
  ])('tells %s sent as %j from the stored %j', (field, sent, stored) => {
    expect(sameStoredValue(field, sent, stored)).toBe(false);
  });
});

describe('changedImmutableFields', () => {
  const stored = {
    callId: 'c-1',
    callingNumber: '8613800138000',
    startTime: '2026-03-01T08:30:00.000Z',
    flowTrace: null,
  };

  it('covers every contract field and the fields derived from them', () => {
    expect(IMMUTABLE_FIELDS).toEqual(
      expect.arrayContaining([...CONTRACT_FIELDS, 'callingNumberReversed', 'flowSteps'])
    );
    expect(CONTRACT_FIELDS).toHaveLength(12);
  });

  it('lets through a form sent back unchanged, and any extension attribute', () => {
    expect(
      changedImmutableFields(
        { ...stored, startTime: '2026-03-01T08:30:00Z', csat: 5, note: 'called back' },
        [stored]
      )
    ).toEqual([]);
  });

  it('names each changed contract field, in contract order, against every targeted row', () => {
    const other = { ...stored, callId: 'c-2' };
    expect(
      changedImmutableFields({ flowTrace: [], callId: 'c-1', callingNumber: '1' }, [stored, other])
    ).toEqual(['callId', 'callingNumber', 'flowTrace']);
  });
});

describe('the legal hold, written only by the hold service', () => {
  const stored = { callId: 'c-1', heldAt: '2026-03-02T10:00:00.000Z', holdReason: 'Dispute 42' };

  it('lets a form send the hold back as stored, in any ISO form', () => {
    expect(
      changedImmutableFields({ heldAt: '2026-03-02T18:00:00+08:00', holdReason: 'Dispute 42' }, [
        stored,
      ])
    ).toEqual([]);
    expect(changedImmutableFields({ heldAt: '', holdReason: null }, [{ callId: 'c-2' }])).toEqual(
      []
    );
  });

  it('names a hold set, changed or cleared, after the contract fields', () => {
    expect(changedImmutableFields({ holdReason: 'other', callId: 'x' }, [stored])).toEqual([
      'callId',
      'holdReason',
    ]);
    expect(changedImmutableFields({ heldAt: null }, [stored])).toEqual(['heldAt']);
    expect(immutableFieldMessage('heldAt')).toMatch(/calls\.hold/);
  });

  it('refuses a new call carrying a hold, and takes a blank for none', () => {
    expect(heldFieldsOnCreate({ heldAt: '2026-03-02T10:00:00Z', holdReason: 'x' })).toEqual([
      'heldAt',
      'holdReason',
    ]);
    expect(heldFieldsOnCreate({ heldAt: null, holdReason: '' })).toEqual([]);
  });
});
