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

// The page is the design system's heaviest tree: slow on a busy machine.
jest.setTimeout(90_000);

/** Page n of an endless search, in the order and size asked. */
const page = (body: SearchBody): SearchPage => {
  const index = body.cursor ? Number(body.cursor.slice(1)) : 0;
  return {
    results: [listRow({ id: index + 1, callId: `CALL-${body.sort ?? 'none'}-P${index}` })],
    pagination: {
      pageSize: body.pageSize,
      sort: body.sort ?? 'startTime:desc',
      nextCursor: `c${index + 1}`,
      total: 1000,
      totalIsCapped: false,
    },
  };
};

/** The statistics of a period without calls. */
const NO_CALLS = { perDay: [], perAccessCode: [], isCapped: false };

// A first page comes with its statistics, a page further on from the search alone.
const FIRST_OR_NEXT = ['/call-history/calls/page', '/call-history/calls/search'];

/** The bodies of every search the page asked, in order. */
const searches = (): SearchBody[] =>
  client.post.mock.calls
    .filter(([url]) => FIRST_OR_NEXT.includes(url))
    .map(([, body]) => body as SearchBody);

const choose = async (label: string, option: string) => {
  fireEvent.keyDown(screen.getByRole('combobox', { name: label }), { key: 'ArrowDown' });
  fireEvent.keyDown(await screen.findByRole('option', { name: option }), { key: 'Enter' });
};

const shows = (text: string) => screen.findByText(text, {}, { timeout: 15_000 });

beforeEach(() => {
  client.post.mockReset().mockImplementation(async (url: string, body: SearchBody) => {
    if (url === '/call-history/calls/page') return { data: { ...page(body), stats: NO_CALLS } };
    if (url === '/call-history/calls/search') return { data: page(body) };
    throw new Error(`unexpected POST ${url}`);
  });
  client.get.mockReset().mockResolvedValue({ data: { data: [] } });
});

describe('HistoricalCallPage sort and page size', () => {
  it('reads them from the address, sends them, and starts again from page 1 when they change', async () => {
    renderInAdmin(<HistoricalCallPage />, {
      route: '/?from=2026-11-02&to=2026-11-05&sort=startTime:asc&pageSize=50',
      permissions: [permission('calls.read')],
    });
    expect(await shows('CALL-startTime:asc-P0')).toBeInTheDocument();
    expect(searches()[0]).toMatchObject({ sort: 'startTime:asc', pageSize: 50 });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await shows('CALL-startTime:asc-P1')).toBeInTheDocument();

    const before = searches().length;
    await choose('Sort', 'Longest first');
    expect(await shows('CALL-durationSeconds:desc-P0')).toBeInTheDocument();
    const sorted = searches().slice(before);
    expect(sorted[0]).toMatchObject({ sort: 'durationSeconds:desc', pageSize: 50 });
    expect(sorted.every((body) => body.cursor === undefined)).toBe(true);

    await choose('Per page', '100');
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ pageSize: 100 }));
    expect(searches().at(-1)).not.toHaveProperty('cursor');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
  });
});
