import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { CallHoldPanel } from '../../../admin/src/components/CallHoldPanel';
import { call } from '../fixtures';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const HOLDER = [permission('calls.details'), permission('calls.hold')];
const HELD = {
  held: true,
  heldAt: '2026-11-03T08:15:00.000Z',
  holdReason: 'Complaint 2026-118',
};

beforeEach(() => {
  client.post.mockReset();
});

const dialog = () => screen.findByRole('dialog');

describe('CallHoldPanel', () => {
  it('asks a holder for a reason before placing a hold, and sends it trimmed', async () => {
    client.post.mockResolvedValue({ data: { data: { callId: 'CALL-0001', ...HELD } } });
    renderInAdmin(<CallHoldPanel call={call()} />, { permissions: HOLDER });
    fireEvent.click(await screen.findByRole('button', { name: 'Place legal hold' }));
    const asked = within(await dialog());
    expect(asked.getByText(/never deleted by the retention purge/)).toBeInTheDocument();

    fireEvent.click(asked.getByRole('button', { name: 'Place legal hold' }));
    expect(await asked.findByText('Give a reason: it is kept in the audit log.')).toBeVisible();
    expect(client.post).not.toHaveBeenCalled();

    fireEvent.change(asked.getByLabelText(/Reason/), {
      target: { value: '  Complaint 2026-118 ' },
    });
    fireEvent.click(asked.getByRole('button', { name: 'Place legal hold' }));
    await waitFor(() =>
      expect(client.post).toHaveBeenCalledWith('/call-history/calls/CALL-0001/hold', {
        reason: 'Complaint 2026-118',
      })
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows a held call with its badge, date and reason, and releases it with a reason', async () => {
    client.post.mockResolvedValue({
      data: { data: { callId: 'CALL-0001', held: false, heldAt: null, holdReason: null } },
    });
    renderInAdmin(<CallHoldPanel call={call(HELD)} />, { permissions: HOLDER });
    expect(screen.getByText('Held')).toBeInTheDocument();
    expect(screen.getByText('Complaint 2026-118')).toBeInTheDocument();
    expect(screen.getByText(/Under legal hold since .*2026/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place legal hold' })).not.toBeInTheDocument();

    fireEvent.click(await screen.findByRole('button', { name: 'Release hold' }));
    const asked = within(await dialog());
    fireEvent.change(asked.getByLabelText(/Reason/), { target: { value: 'Dispute closed' } });
    fireEvent.click(asked.getByRole('button', { name: 'Release hold' }));
    await waitFor(() =>
      expect(client.post).toHaveBeenCalledWith('/call-history/calls/CALL-0001/release', {
        reason: 'Dispute closed',
      })
    );
  });

  it("keeps the dialog open with the server's refusal on the reason", async () => {
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
    renderInAdmin(<CallHoldPanel call={call()} />, { permissions: HOLDER });
    fireEvent.click(await screen.findByRole('button', { name: 'Place legal hold' }));
    const asked = within(await dialog());
    fireEvent.change(asked.getByLabelText(/Reason/), { target: { value: 'Because' } });
    fireEvent.click(asked.getByRole('button', { name: 'Place legal hold' }));
    expect(await asked.findByText('Shorten the reason to 1000 characters at most.')).toBeVisible();
  });

  it('shows the hold without any action to a user without calls.hold, and nothing when not held', async () => {
    const { unmount } = renderInAdmin(<CallHoldPanel call={call(HELD)} />, {
      permissions: [permission('calls.details')],
    });
    expect(await screen.findByText('Held')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Release hold' })).not.toBeInTheDocument();
    unmount();
    renderInAdmin(<CallHoldPanel call={call()} />, {
      permissions: [permission('calls.details')],
    });
    await waitFor(() => expect(screen.queryByText(/legal hold/)).not.toBeInTheDocument());
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
