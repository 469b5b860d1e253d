import {
  MAX_BATCH_SIZE,
  validateBatchShape,
} from '../../../../server/src/domain/call-input/batch-shape';

describe('validateBatchShape', () => {
  it('accepts 1 to 1,000 calls', () => {
    expect(validateBatchShape({ data: [1] })).toEqual({ ok: true, calls: [1] });
    const full = new Array(MAX_BATCH_SIZE).fill({});
    expect(validateBatchShape({ data: full }).ok).toBe(true);
  });

  it.each([
    [undefined, 'data'],
    ['text', 'data'],
    [[{}], 'data'],
    [{}, 'data'],
    [{ data: null }, 'data'],
    [{ data: {} }, 'data'],
    [{ data: [] }, 'data'],
    [{ data: new Array(MAX_BATCH_SIZE + 1).fill({}) }, 'data'],
    [{ data: [{}], extra: true }, 'extra'],
  ])('refuses %p naming %s', (body, path) => {
    const result = validateBatchShape(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });
});
