import { useCallback, useState } from 'react';

interface Stack {
  /** The filters the cursors were issued for (a cursor is only valid for its own search). */
  filtersKey: string;
  /** cursors[i] fetches page i; page 0 needs none. */
  cursors: Array<string | null>;
}

const FIRST_PAGE: Array<string | null> = [null];

/**
 * The cursor paging of one search. The stack belongs to the filters it was built for: under
 * other filters it reads as the first page in the very render that changes them, so no request
 * can carry a cursor issued for the previous search (a reset in an effect would come a render
 * too late).
 */
export const useCursorStack = (filtersKey: string) => {
  const [stack, setStack] = useState<Stack>({ filtersKey, cursors: FIRST_PAGE });
  const cursors = stack.filtersKey === filtersKey ? stack.cursors : FIRST_PAGE;
  const pageIndex = cursors.length - 1;

  const update = useCallback(
    (change: (cursors: Array<string | null>) => Array<string | null>) =>
      setStack((current) => ({
        filtersKey,
        cursors: change(current.filtersKey === filtersKey ? current.cursors : FIRST_PAGE),
      })),
    [filtersKey]
  );

  /** Pushing the cursor already on top is a no-op, so a repeated click cannot skip a page. */
  const next = useCallback(
    (cursor: string) =>
      update((current) =>
        current[current.length - 1] === cursor ? current : [...current, cursor]
      ),
    [update]
  );
  const previous = useCallback(
    () => update((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    [update]
  );
  const reset = useCallback(() => update(() => FIRST_PAGE), [update]);

  return { cursor: cursors[pageIndex], pageIndex, next, previous, reset };
};
