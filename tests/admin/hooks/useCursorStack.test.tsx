import { act, renderHook } from '@testing-library/react';

import { useCursorStack } from '../../../admin/src/hooks/useCursorStack';

describe('useCursorStack', () => {
  it('pushes a cursor once however often the same Next is clicked', () => {
    const { result } = renderHook(() => useCursorStack('filters-a'));
    act(() => result.current.next('c1'));
    act(() => result.current.next('c1'));
    expect(result.current.pageIndex).toBe(1);
    expect(result.current.cursor).toBe('c1');
    act(() => result.current.previous());
    expect(result.current.pageIndex).toBe(0);
    expect(result.current.cursor).toBeNull();
  });

  it('reads as the first page in the very render that changes the filters', () => {
    const { result, rerender } = renderHook(({ key }) => useCursorStack(key), {
      initialProps: { key: 'filters-a' },
    });
    act(() => result.current.next('c1'));
    act(() => result.current.next('c2'));
    expect(result.current.cursor).toBe('c2');
    // No effect in between: the first render under the new filters carries no cursor.
    rerender({ key: 'filters-b' });
    expect(result.current.cursor).toBeNull();
    expect(result.current.pageIndex).toBe(0);
    act(() => result.current.next('d1'));
    expect(result.current.cursor).toBe('d1');
  });
});
