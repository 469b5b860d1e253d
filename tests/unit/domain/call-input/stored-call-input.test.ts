import type { AttributeSpecs } from '../../../../server/src/domain/call-input/attribute-values';
import { checkCallTimes } from '../../../../server/src/domain/call-input/call-contract';
import {
  validateCallUpdate,
  validateStoredCall,
} from '../../../../server/src/domain/call-input/stored-call-input';

import { call, limits } from './sample-call';

describe('validateStoredCall: a create through the Query Engine', () => {
  // What the Content Manager sends for a new call: every attribute of its form.
  const fromTheForm = (overrides: Record<string, unknown> = {}) => ({
    ...call({ flowTrace: null }),
    id: 7,
    calledNumber: '',
    endReason: '',
    botKind: '',
    durationSeconds: 60,
    botName: 'typed in the form',
    recordingDecision: null,
    callingNumberReversed: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    createdBy: 1,
    updatedBy: 1,
    ...overrides,
  });

  it('accepts what the Content Manager sends, blanks of optional fields as null', () => {
    const sent = fromTheForm();
    expect(validateStoredCall(sent, {}, limits)).toEqual({
      ok: true,
      call: { ...sent, calledNumber: null, endReason: null, botKind: null },
    });
    expect(sent.calledNumber).toBe('');
  });

  it('accepts Date objects for the times, as a Query Engine caller may pass them', () => {
    const times = {
      startTime: new Date('2026-03-01T00:30:00Z'),
      endTime: new Date('2026-03-01T00:31:00Z'),
    };
    expect(validateStoredCall(fromTheForm(times), {}, limits).ok).toBe(true);
    const reversed = { startTime: times.endTime, endTime: times.startTime };
    expect(validateStoredCall(fromTheForm(reversed), {}, limits)).toMatchObject({
      ok: false,
      problem: { path: 'endTime' },
    });
  });

  it.each([
    [{ callingNumber: '86*138' }, 'callingNumber'],
    [{ callingNumber: 'abc' }, 'callingNumber'],
    [{ callingNumber: '' }, 'callingNumber'],
    [{ endTime: '2026-03-01T00:29:00Z' }, 'endTime'],
    [{ startTime: new Date('invalid') }, 'startTime'],
    [{ accessCode: 'has space' }, 'accessCode'],
    [{ flowTrace: { hello: 1 } }, 'flowTrace'],
    [{ calledNumber: 'abc' }, 'calledNumber'],
    [{ botKind: 'ROBOT' }, 'botKind'],
    [{ durationSeconds: -1 }, 'durationSeconds'],
    [{ durationSeconds: '60' }, 'durationSeconds'],
    [{ endReason: 'a\u0000' }, 'endReason'],
  ])('refuses %p naming %s', (overrides, path) => {
    const result = validateStoredCall(fromTheForm(overrides), {}, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });

  it('checks extension attributes by type, leaving relations and media to Strapi', () => {
    const extensions: AttributeSpecs = {
      csat: { type: 'integer', min: 1, max: 5 },
      owner: { type: 'relation' },
      picture: { type: 'media' },
    };
    expect(
      validateStoredCall(
        fromTheForm({ csat: 3, owner: { connect: [1] }, picture: 4 }),
        extensions,
        limits
      ).ok
    ).toBe(true);
    expect(validateStoredCall(fromTheForm({ csat: 6 }), extensions, limits)).toMatchObject({
      ok: false,
      problem: { path: 'csat' },
    });
  });
});

describe('validateCallUpdate: an update through the Query Engine', () => {
  it('checks only the fields the update carries', () => {
    expect(validateCallUpdate({ endReason: 'TRANSFER' }, {}, limits)).toEqual({
      ok: true,
      call: { endReason: 'TRANSFER' },
    });
    expect(
      validateCallUpdate({ id: 3, updatedAt: new Date(), calledNumber: '' }, {}, limits)
    ).toMatchObject({
      ok: true,
      call: { calledNumber: null },
    });
  });

  it.each([
    [{ callingNumber: '86*138' }, 'callingNumber'],
    [{ callingNumber: null }, 'callingNumber'],
    [{ startTime: '2026-03-01T00:32:00Z', endTime: '2026-03-01T00:31:00Z' }, 'endTime'],
    [{ flowTrace: { hello: 1 } }, 'flowTrace'],
    [{ csat: 9 }, 'csat'],
  ])('refuses %p naming %s', (data, path) => {
    const result = validateCallUpdate(data, { csat: { type: 'integer', max: 5 } }, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });

  it('leaves a single time to be checked against the stored one', () => {
    expect(validateCallUpdate({ endTime: '2026-03-01T00:31:00Z' }, {}, limits).ok).toBe(true);
    expect(checkCallTimes('2026-03-01T00:32:00.000Z', '2026-03-01T00:31:00Z', limits)?.path).toBe(
      'endTime'
    );
    expect(checkCallTimes('2026-03-01T00:30:00.000Z', '2026-03-01T00:31:00Z', limits)).toBeNull();
    expect(checkCallTimes(null, '2026-03-01T00:31:00Z', limits)).toBeNull();
  });
});

describe('durationSeconds on the Query Engine paths', () => {
  it('bounds a given durationSeconds the same way on the Query Engine path', () => {
    const sent = (durationSeconds: unknown) => ({ ...call({ flowTrace: null }), durationSeconds });
    expect(validateStoredCall(sent(86_400), {}, limits).ok).toBe(true);
    for (const bad of [86_401, 2 ** 31, -1, 1.5]) {
      expect(validateStoredCall(sent(bad), {}, limits)).toMatchObject({
        ok: false,
        problem: { path: 'durationSeconds' },
      });
    }
    expect(validateCallUpdate({ durationSeconds: 86_401 }, {}, limits)).toMatchObject({
      ok: false,
      problem: {
        path: 'durationSeconds',
        message: 'durationSeconds must be an integer from 0 to 86400 (maxCallDurationSeconds)',
      },
    });
  });
});
