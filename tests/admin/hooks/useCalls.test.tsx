import { fireEvent, screen, waitFor } from '@testing-library/react';

import type { SearchFilters, SearchView } from '../../../admin/src/api/types';
import { useCallStats, useCalls, useExportCalls } from '../../../admin/src/hooks/useCalls';
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

const Probe = ({ cursor }: { cursor: string | null }) => {
  const calls = useCalls(FILTERS, VIEW, cursor);
  const stats = useCallStats(FILTERS);
  const exportCalls = useExportCalls();
  return (
    <div>
      <span>{calls.data ? `${calls.data.results.length} rows` : 'loading'}</span>
      <span>{stats.data ? `${stats.data.perDay.length} days` : 'loading'}</span>
      <button type="button" onClick={() => void exportCalls(FILTERS, VIEW.sort)}>
        export
      </button>
    </div>
  );
};

beforeEach(() => {
  client.get.mockReset();
  client.post.mockReset().mockImplementation(async (url: string) => {
    if (url === '/call-history/calls/search') {
      return {
        data: {
          results: [listRow()],
          pagination: {
            pageSize: 50,
            sort: 'durationSeconds:desc',
            nextCursor: null,
            total: 1,
            totalIsCapped: false,
          },
        },
      };
    }
    if (url === '/call-history/calls/stats') {
      return { data: { data: { perDay: [{ day: '2026-03-01', count: 1 }], perAccessCode: [] } } };
    }
    if (url === '/call-history/calls/export/ticket') {
      return { data: { data: { url: '/call-history/calls/export/download?ticket=abc' } } };
    }
    throw new Error(`unexpected POST ${url}`);
  });
});

describe('the Call History hooks', () => {
  it('send the filters in POST bodies, never in a URL', async () => {
    renderInAdmin(<Probe cursor="next.page" />);
    expect(await screen.findByText('1 rows')).toBeInTheDocument();
    expect(await screen.findByText('1 days')).toBeInTheDocument();
    const period = { from: expect.any(String), to: expect.any(String), tz: expect.any(String) };
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/search', {
      ...period,
      callingNumber: '*5678',
      accessCode: '1001',
      sort: 'durationSeconds:desc',
      pageSize: 50,
      cursor: 'next.page',
    });
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/stats', {
      ...period,
      callingNumber: '*5678',
      accessCode: '1001',
    });
    expect(client.get).not.toHaveBeenCalled();
  });

  it('asks for an export link with the same body and sort, and lets the browser download it', async () => {
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push(this.href);
    });
    try {
      renderInAdmin(<Probe cursor={null} />);
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
