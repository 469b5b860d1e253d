import { fireEvent, screen, waitFor } from '@testing-library/react';

import type { SearchBody, SearchPage } from '../../../admin/src/api/types';
import { HistoricalCallPage } from '../../../admin/src/pages/HistoricalCallPage';
import { listRow } from '../fixtures';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

/** Page n of an endless search: its cursor names the next page. */
const page = (body: SearchBody): SearchPage => {
  const index = body.cursor ? Number(body.cursor.slice(1)) : 0;
  return {
    results: [listRow({ id: index + 1, callId: `CALL-P${index}` })],
    pagination: {
      pageSize: 20,
      sort: 'startTime:desc',
      nextCursor: `c${index + 1}`,
      total: 100,
      totalIsCapped: false,
    },
  };
};

/** The statistics of a period without calls. */
const NO_CALLS = { perDay: [], perAccessCode: [], isCapped: false };

// A first page comes with its statistics, a page further on from the search alone.
const FIRST_OR_NEXT = ['/call-history/calls/page', '/call-history/calls/search'];

/** The routes of every search the page asked, in order. */
const routes = (): string[] =>
  client.post.mock.calls.map(([url]) => url as string).filter((url) => FIRST_OR_NEXT.includes(url));

/** The bodies of every search the page asked, in order. */
const searches = (): SearchBody[] =>
  client.post.mock.calls
    .filter(([url]) => FIRST_OR_NEXT.includes(url))
    .map(([, body]) => body as SearchBody);

const answer = async (url: string, body: SearchBody) => {
  if (url === '/call-history/calls/page') return { data: { ...page(body), stats: NO_CALLS } };
  if (url === '/call-history/calls/search') return { data: page(body) };
  throw new Error(`unexpected POST ${url}`);
};

const renderPage = () =>
  renderInAdmin(<HistoricalCallPage />, {
    route: '/?from=2026-11-02&to=2026-11-05',
    permissions: [permission('calls.read')],
  });

const next = () => screen.getByRole('button', { name: 'Next' });

// The page is the design system's heaviest tree (date pickers, chart, selects): slow on a busy
// machine.
jest.setTimeout(90_000);
const shows = (callId: string) => screen.findByText(callId, {}, { timeout: 15_000 });

beforeEach(() => {
  client.post.mockReset().mockImplementation(answer);
  // The saved-search list: none.
  client.get.mockReset().mockResolvedValue({ data: { data: [] } });
});

describe('HistoricalCallPage paging', () => {
  it('sends no cursor in the first search after a filter change on page 3', async () => {
    renderPage();
    expect(await shows('CALL-P0')).toBeInTheDocument();
    fireEvent.click(next());
    expect(await shows('CALL-P1')).toBeInTheDocument();
    fireEvent.click(next());
    expect(await shows('CALL-P2')).toBeInTheDocument();
    expect(searches().map((body) => body.cursor)).toEqual([undefined, 'c1', 'c2']);
    // The first page brings the statistics; Next asks the search alone.
    expect(routes()).toEqual([
      '/call-history/calls/page',
      '/call-history/calls/search',
      '/call-history/calls/search',
    ]);

    const before = searches().length;
    fireEvent.change(screen.getByLabelText('Calling number'), { target: { value: '5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(searches().length).toBeGreaterThan(before));
    const first = searches()[before];
    expect(routes()[before]).toBe('/call-history/calls/page');
    expect(first.callingNumber).toBe('5678');
    expect(first).not.toHaveProperty('cursor');
    expect(await shows('CALL-P0')).toBeInTheDocument();
    expect(
      searches()
        .slice(before)
        .every((body) => body.cursor === undefined)
    ).toBe(true);
  });

  it('disables Next while the next page loads, so a double click fetches it once', async () => {
    let release: () => void = () => undefined;
    client.post.mockImplementation(async (url: string, body: SearchBody) => {
      if (body.cursor === 'c1') await new Promise<void>((resolve) => (release = resolve));
      return answer(url, body);
    });
    renderPage();
    expect(await shows('CALL-P0')).toBeInTheDocument();
    fireEvent.click(next());
    await waitFor(() => expect(next()).toBeDisabled());
    // keepPreviousData: the page shown stays on screen while the next one loads.
    expect(screen.getByText('CALL-P0')).toBeInTheDocument();
    fireEvent.click(next());
    release();
    expect(await shows('CALL-P1')).toBeInTheDocument();
    expect(searches().map((body) => body.cursor)).toEqual([undefined, 'c1']);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
  });
});

describe('HistoricalCallPage cards and actions', () => {
  it('says the statistics failed instead of showing an empty chart', async () => {
    client.post.mockImplementation(async (url: string, body: SearchBody) => {
      if (url === '/call-history/calls/page') {
        throw { response: { status: 500, data: { error: { status: 500, message: 'boom' } } } };
      }
      return answer(url, body);
    });
    renderPage();
    // The request that brings the first page and its statistics failed: the chart and the
    // per-access-code card both say so.
    const failed = await screen.findAllByText(
      'The statistics could not be loaded: The server failed to answer: try again, and tell an administrator if it happens again.',
      {},
      { timeout: 15_000 }
    );
    expect(failed).toHaveLength(2);
  });

  it('fetches the first page and its statistics again, in one request, from the refresh icon on page 2', async () => {
    renderPage();
    expect(await shows('CALL-P0')).toBeInTheDocument();
    fireEvent.click(next());
    expect(await shows('CALL-P1')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await shows('CALL-P0')).toBeInTheDocument();
    await waitFor(() => expect(routes()).toHaveLength(3));
    expect(routes()).toEqual([
      '/call-history/calls/page',
      '/call-history/calls/search',
      '/call-history/calls/page',
    ]);
    expect(searches()[2]).not.toHaveProperty('cursor');
  });

  it('puts Export in the page header, before the tabs, not in the per-access-code card', async () => {
    renderInAdmin(<HistoricalCallPage />, {
      route: '/?from=2026-11-02&to=2026-11-05',
      permissions: [permission('calls.read'), permission('calls.export')],
    });
    expect(await shows('CALL-P0')).toBeInTheDocument();
    const exportButton = screen.getByRole('button', { name: 'Export CSV' });
    const heading = screen.getByRole('heading', { name: 'Historical Call', level: 1 });
    const tabs = screen.getByRole('tablist');
    expect(
      heading.compareDocumentPosition(exportButton) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy();
    expect(
      exportButton.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy();
  });
});
