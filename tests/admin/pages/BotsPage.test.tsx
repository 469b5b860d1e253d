import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { BotsPage } from '../../../admin/src/pages/BotsPage';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const robot = {
  kind: 'INTELLIGENT_ROBOT',
  id: 4,
  name: 'Billing robot',
  accessCode: '10086',
  description: null,
  retentionDays: null,
  historicalCallRecord: true,
  flowCallRecording: false,
  effective: {
    call: true,
    flow: false,
    reason: 'CHATRECORDFLAG is ON',
    callDecidedBy: 'tenant-flag',
    flowDecidedBy: 'tenant-flag',
  },
};

beforeEach(() => {
  client.get.mockReset().mockImplementation(async (url: string) => {
    if (url === '/call-history/bots') return { data: { data: [robot] } };
    throw new Error(`unexpected GET ${url}`);
  });
  client.del.mockReset();
  client.put.mockReset();
});

describe('BotsPage', () => {
  it('deletes a robot after confirmation, saying its calls stay', async () => {
    client.del.mockResolvedValue({ data: { data: robot } });
    renderInAdmin(<BotsPage kind="INTELLIGENT_ROBOT" />, {
      permissions: [permission('bots.read'), permission('bots.update')],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Billing robot' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Calls already stored stay/)).toBeInTheDocument();
    expect(client.del).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(client.del).toHaveBeenCalledWith('/call-history/bots/INTELLIGENT_ROBOT/4')
    );
    expect(await screen.findByText('Robot or IVR flow deleted.')).toBeInTheDocument();
  });

  it('offers neither edit nor delete without bots.update', async () => {
    renderInAdmin(<BotsPage kind="INTELLIGENT_ROBOT" />, {
      permissions: [permission('bots.read')],
    });
    expect(await screen.findByText('Billing robot')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Billing robot' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Billing robot' })).not.toBeInTheDocument();
  });

  it("sets a robot's own retention period, refusing one out of bounds", async () => {
    client.put.mockResolvedValue({ data: { data: { ...robot, retentionDays: 45 } } });
    renderInAdmin(<BotsPage kind="INTELLIGENT_ROBOT" />, {
      permissions: [permission('bots.read'), permission('bots.update')],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Billing robot' }));
    const field = await screen.findByLabelText('Keep its calls for (days)');
    expect(field).toHaveValue('');
    fireEvent.change(field, { target: { value: '40000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A whole number of days from 1 to 36500.')).toBeInTheDocument();
    expect(client.put).not.toHaveBeenCalled();

    fireEvent.change(field, { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(client.put).toHaveBeenCalledWith(
        '/call-history/bots/INTELLIGENT_ROBOT/4',
        expect.objectContaining({ retentionDays: 45 })
      )
    );
  });
});
