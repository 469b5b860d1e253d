import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';

import type { SearchFilters, SearchView } from '../../../admin/src/api/types';
import { useCallPage, useExportCalls } from '../../../admin/src/hooks/useCalls';
import { listRow } from '../fixtures';
import { renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const FILTERS: SearchFilters = {
  from: '2026-03-01',
  to: '2026-03-02',
  callingNumber: '*5678',
  accessCode: '1001',
};

const VIEW: SearchView = { sort: 'durationSeconds:desc', pageSize: 50 };

/** The page's own moves: next page, another sort, the refresh icon. */
const Probe = ({ initialCursor = null }: { initialCursor?: string | null }) => {
  const [cursor, setCursor] = useState<string | null>(initialCursor);
  const [view, setView] = useState<SearchView>(VIEW);
  const { calls, stats, statsError, refresh } = useCallPage(FILTERS, view, cursor);
  const exportCalls = useExportCalls();
  return (
    <div>
      <span>{calls.data ? `${calls.data.results.length} rows` : 'loading'}</span>
      <span>{calls.isFetching ? 'fetching' : 'idle'}</span>
      <span>{stats ? `${stats.perDay.length} days` : 'no stats'}</span>
      <span>{statsError ? 'stats failed' : 'stats fine'}</span>
      <button type="button" onClick={() => setCursor('next.page')}>
        next
      </button>
      <button type="button" onClick={() => setView({ ...view, sort: 'startTime:asc' })}>
        oldest first
      </button>
      <button type="button" onClick={refresh}>
        refresh
      </button>
      <button type="button" onClick={() => void exportCalls(FILTERS, VIEW.sort)}>
        export
      </button>
    </div>
  );
};

const SEARCH_PAGE = {
  results: [listRow()],
  pagination: {
    pageSize: 50,
    sort: 'durationSeconds:desc',
    nextCursor: 'next.page',
    total: 1,
    totalIsCapped: false,
  },
};
const STATS = { perDay: [{ day: '2026-03-01', count: 1 }], perAccessCode: [], isCapped: false };

const posted = () => client.post.mock.calls.map(([url]) => url as string);
const period = { from: expect.any(String), to: expect.any(String), tz: expect.any(String) };
const FILTER_BODY = { ...period, callingNumber: '*5678', accessCode: '1001' };

beforeEach(() => {
  client.get.mockReset();
  client.post.mockReset().mockImplementation(async (url: string) => {
    if (url === '/call-history/calls/page') return { data: { ...SEARCH_PAGE, stats: STATS } };
    if (url === '/call-history/calls/search') return { data: SEARCH_PAGE };
    if (url === '/call-history/calls/stats') return { data: { data: STATS } };
    if (url === '/call-history/calls/export/ticket') {
      return { data: { data: { url: '/call-history/calls/export/download?ticket=abc' } } };
    }
    throw new Error(`unexpected POST ${url}`);
  });
});

/** Waits until no request of the hook is in flight. */
const settled = async () => {
  await screen.findByText('1 rows');
  await screen.findByText('idle');
};

describe('the Call History hooks', () => {
  it('ask for a first page and its statistics in one request, filters in the POST body', async () => {
    renderInAdmin(<Probe />);
    expect(await screen.findByText('1 days')).toBeInTheDocument();
    await settled();
    expect(posted()).toEqual(['/call-history/calls/page']);
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/page', {
      ...FILTER_BODY,
      sort: 'durationSeconds:desc',
      pageSize: 50,
    });
    expect(client.get).not.toHaveBeenCalled();
  });

  it('ask the search alone for the next page and another sort: the statistics are on hand', async () => {
    renderInAdmin(<Probe />);
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'next' }));
    await waitFor(() => expect(posted()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'oldest first' }));
    await waitFor(() => expect(posted()).toHaveLength(3));
    await settled();
    expect(posted()).toEqual([
      '/call-history/calls/page',
      '/call-history/calls/search',
      '/call-history/calls/search',
    ]);
    expect(client.post).toHaveBeenNthCalledWith(2, '/call-history/calls/search', {
      ...FILTER_BODY,
      sort: 'durationSeconds:desc',
      pageSize: 50,
      cursor: 'next.page',
    });
    expect(screen.getByText('1 days')).toBeInTheDocument();
  });

  it('ask for the statistics on their own for a page further on whose statistics are gone', async () => {
    renderInAdmin(<Probe initialCursor="next.page" />);
    expect(await screen.findByText('1 days')).toBeInTheDocument();
    await settled();
    expect([...posted()].sort()).toEqual([
      '/call-history/calls/search',
      '/call-history/calls/stats',
    ]);
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/stats', FILTER_BODY);
  });

  it('refresh the first page and its statistics in one request again', async () => {
    renderInAdmin(<Probe />);
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'refresh' }));
    await waitFor(() => expect(posted()).toHaveLength(2));
    await settled();
    expect(posted()).toEqual(['/call-history/calls/page', '/call-history/calls/page']);
  });

  it('say the statistics failed when the request that brings them failed', async () => {
    client.post.mockRejectedValue({
      response: { status: 500, data: { error: { status: 500, message: 'boom' } } },
    });
    renderInAdmin(<Probe />);
    expect(await screen.findByText('stats failed')).toBeInTheDocument();
    expect(screen.getByText('no stats')).toBeInTheDocument();
    expect(posted()).toEqual(['/call-history/calls/page']);
  });

  it('asks for an export link with the same body and sort, and lets the browser download it', async () => {
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push(this.href);
    });
    try {
      renderInAdmin(<Probe />);
      fireEvent.click(screen.getByRole('button', { name: 'export' }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(client.post).toHaveBeenCalledWith(
        '/call-history/calls/export/ticket',
        expect.objectContaining({
          callingNumber: '*5678',
          accessCode: '1001',
          sort: 'durationSeconds:desc',
        })
      );
      expect(clicked[0]).toBe('http://localhost/call-history/calls/export/download?ticket=abc');
    } finally {
      click.mockRestore();
    }
  });
});
