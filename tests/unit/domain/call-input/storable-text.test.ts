import {
  MAX_JSON_DEPTH,
  checkJsonValue,
  unstorableCharacter,
} from '../../../../server/src/domain/call-input/storable-text';

describe('characters no database here can store', () => {
  it.each([
    ['plain text', null],
    ['emoji, a surrogate pair: \ud83d\ude00', null],
    ['中文', null],
    ['a\u0000b', 'nul'],
    ['x\ud800', 'surrogate'],
    ['\ud800x', 'surrogate'],
    ['x\udc00', 'surrogate'],
    ['\udc00\ud800', 'surrogate'],
  ])('%p is %p', (text, found) => {
    expect(unstorableCharacter(text)).toBe(found);
  });

  it('reports the first bad json string in document order', () => {
    expect(checkJsonValue('tags', { a: ['ok', 'x\u0000'], b: 'y\u0000' })?.path).toBe('tags.a[1]');
  });

  it('accepts json nested to the limit and refuses deeper', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : [nest(depth - 1)]);
    expect(checkJsonValue('tags', nest(MAX_JSON_DEPTH))).toBeNull();
    expect(checkJsonValue('tags', nest(MAX_JSON_DEPTH + 1))?.message).toContain('nest deeper');
    // Far deeper than any recursion would survive: checked without a stack.
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(checkJsonValue('tags', deep)?.path).toMatch(/^tags(\[0\])+$/);
  });
});
