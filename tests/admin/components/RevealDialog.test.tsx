import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { CallDetailsModal } from '../../../admin/src/components/CallDetailsModal';
import { HistoricalCallPage } from '../../../admin/src/pages/HistoricalCallPage';
import { call } from '../fixtures';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client answers as the server does.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const MASKED = call({
  callingNumber: '861******5678',
  calledNumber: '4***',
  callbackNumber: '+861******0000',
});

beforeEach(() => {
  client.get.mockReset().mockResolvedValue({ data: { data: MASKED } });
  client.post.mockReset().mockResolvedValue({
    data: {
      data: {
        callId: 'CALL-0001',
        callingNumber: '8613800005678',
        calledNumber: '4001',
        callbackNumber: '+8613900000000',
      },
    },
  });
});

const dialog = () => screen.getByRole('dialog', { name: 'Reveal the full numbers?' });

describe('Reveal in Call Details', () => {
  it('shows masked numbers and no Reveal button without calls.reveal', async () => {
    renderInAdmin(<CallDetailsModal callId="CALL-0001" onClose={() => undefined} />);
    expect(await screen.findByText('861******5678')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reveal' })).not.toBeInTheDocument();
  });

  it('asks for a reason, refuses a blank one, then shows the full numbers in place', async () => {
    renderInAdmin(<CallDetailsModal callId="CALL-0001" canReveal onClose={() => undefined} />);
    expect(await screen.findByText('861******5678')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));

    const reveal = within(dialog()).getByRole('button', { name: 'Reveal' });
    fireEvent.change(within(dialog()).getByLabelText(/Reason/), { target: { value: '   ' } });
    fireEvent.click(reveal);
    expect(await within(dialog()).findByText('Say why you need the full numbers.')).toBeVisible();
    expect(client.post).not.toHaveBeenCalled();

    fireEvent.change(within(dialog()).getByLabelText(/Reason/), {
      target: { value: ' Ticket 4711 ' },
    });
    fireEvent.click(reveal);
    expect(await screen.findByText('8613800005678')).toBeInTheDocument();
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/CALL-0001/reveal', {
      reason: 'Ticket 4711',
    });
    expect(screen.getByText('4001')).toBeInTheDocument();
    expect(screen.getByText('+8613900000000')).toBeInTheDocument();
    expect(screen.queryByText('861******5678')).not.toBeInTheDocument();
    expect(screen.getByText('Full numbers (reveal audited)')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Reveal the full numbers?' })).toBeNull()
    );
    // The details were read once: the reveal answers the numbers, nothing is fetched again.
    expect(client.get).toHaveBeenCalledTimes(1);
  });

  it("keeps the dialog open with the server's message when the reveal is refused", async () => {
    client.post.mockRejectedValue({
      response: {
        status: 400,
        data: {
          error: {
            status: 400,
            message: 'reason must be at most 1000 characters',
            details: {
              errors: [{ path: ['reason'], message: 'reason must be at most 1000 characters' }],
            },
          },
        },
      },
    });
    renderInAdmin(<CallDetailsModal callId="CALL-0001" canReveal onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal' }));
    fireEvent.change(within(dialog()).getByLabelText(/Reason/), { target: { value: 'why' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Reveal' }));
    expect(
      await within(dialog()).findByText('Shorten the reason to 1000 characters at most.')
    ).toBeVisible();
    expect(screen.getByText('861******5678')).toBeInTheDocument();
  });
});

describe('Export with full numbers', () => {
  const answer = async (url: string) => {
    if (url === '/call-history/calls/page')
      return {
        data: {
          results: [],
          pagination: { pageSize: 20, nextCursor: null, total: 0, totalIsCapped: false },
          stats: { perDay: [], perAccessCode: [], isCapped: false },
        },
      };
    if (url === '/call-history/calls/export/ticket')
      return { data: { data: { url: '/call-history/calls/export/download?ticket=t' } } };
    throw new Error(`unexpected POST ${url}`);
  };
  const renderPage = (actions: string[]) => {
    // The page also lists the admin's saved searches: none.
    client.get.mockReset().mockResolvedValue({ data: { data: [] } });
    return renderInAdmin(<HistoricalCallPage />, {
      route: '/?from=2026-11-02&to=2026-11-05',
      permissions: actions.map(permission),
    });
  };

  it('is offered only with calls.export and calls.reveal', async () => {
    client.post.mockReset().mockImplementation(answer);
    renderPage(['calls.read', 'calls.export']);
    expect(
      await screen.findByRole('button', { name: 'Export CSV' }, { timeout: 15_000 })
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Export with full numbers' })).toBeNull();
  });

  it('asks for a reason, then asks the server for a ticket with reveal and the reason', async () => {
    client.post.mockReset().mockImplementation(answer);
    renderPage(['calls.read', 'calls.export', 'calls.reveal']);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Export with full numbers' }, { timeout: 15_000 })
    );
    const exportDialog = screen.getByRole('dialog', { name: 'Export with full numbers?' });
    fireEvent.click(within(exportDialog).getByRole('button', { name: 'Export' }));
    expect(
      await within(exportDialog).findByText('Say why you need the full numbers.')
    ).toBeVisible();
    fireEvent.change(within(exportDialog).getByLabelText(/Reason/), {
      target: { value: 'Request 12' },
    });
    fireEvent.click(within(exportDialog).getByRole('button', { name: 'Export' }));
    await waitFor(() =>
      expect(client.post).toHaveBeenCalledWith(
        '/call-history/calls/export/ticket',
        expect.objectContaining({ reveal: true, reason: 'Request 12' })
      )
    );
  });
});
