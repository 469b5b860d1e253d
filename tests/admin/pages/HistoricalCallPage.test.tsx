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

const searches = (): SearchBody[] =>
  client.post.mock.calls
    .filter(([url]) => url === '/call-history/calls/search')
    .map(([, body]) => body as SearchBody);

const answer = async (url: string, body: SearchBody) => {
  if (url === '/call-history/calls/search') return { data: page(body) };
  if (url === '/call-history/calls/stats')
    return { data: { data: { perDay: [], perAccessCode: [] } } };
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

    const before = searches().length;
    fireEvent.change(screen.getByLabelText('Calling number'), { target: { value: '5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(searches().length).toBeGreaterThan(before));
    const first = searches()[before];
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
      if (url === '/call-history/calls/stats') {
        throw { response: { status: 500, data: { error: { status: 500, message: 'boom' } } } };
      }
      return answer(url, body);
    });
    renderPage();
    expect(await shows('CALL-P0')).toBeInTheDocument();
    // The chart and the per-access-code card both say so.
    const failed = await screen.findAllByText(
      'The statistics could not be loaded: The server failed to answer: try again, and tell an administrator if it happens again.'
    );
    expect(failed).toHaveLength(2);
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
