import { fireEvent, screen, waitFor } from '@testing-library/react';

import { SystemSettingsPage } from '../../../admin/src/pages/SystemSettingsPage';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const flags = { CHATRECORDFLAG: 'OFF', FLOWRECORDFLAG: 'OFF', CCIVRRECORDFLAG: 'OFF' };
const history = [
  {
    at: '2026-11-01T08:00:00.000Z',
    user: { id: 1, email: 'admin@call-history.test' },
    changes: { FLOWRECORDFLAG: { from: 'ON', to: 'OFF' } },
  },
];

beforeEach(() => {
  client.get.mockReset().mockImplementation(async (url: string) => {
    if (url === '/call-history/settings') return { data: { data: flags } };
    if (url === '/call-history/settings/history') return { data: { data: history } };
    throw new Error(`unexpected GET ${url}`);
  });
  client.put.mockReset();
});

describe('SystemSettingsPage', () => {
  it('saves a flag with confirmation, notifies, and shows the change history', async () => {
    client.put.mockResolvedValue({ data: { data: { ...flags, CHATRECORDFLAG: 'BOT_LEVEL' } } });
    renderInAdmin(<SystemSettingsPage />, {
      permissions: [permission('settings.read'), permission('settings.update')],
    });
    expect(await screen.findByText('FLOWRECORDFLAG: On → Off')).toBeInTheDocument();
    expect(screen.getByText('admin@call-history.test')).toBeInTheDocument();
    expect(screen.getAllByText('System Settings').length).toBeGreaterThan(0);

    fireEvent.click(screen.getAllByRole('radio', { name: 'Bot-level control' })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(client.put).toHaveBeenCalledWith('/call-history/settings', {
        CHATRECORDFLAG: 'BOT_LEVEL',
      })
    );
    expect(
      await screen.findByText('Recording settings saved: new calls follow them from now on.')
    ).toBeInTheDocument();
  });

  it('is read-only for an Agent (settings.read only)', async () => {
    renderInAdmin(<SystemSettingsPage />, { permissions: [permission('settings.read')] });
    expect(await screen.findByText('Read-only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it("shows Strapi's no-permission page without settings.read", async () => {
    renderInAdmin(<SystemSettingsPage />, { permissions: [permission('calls.read')] });
    expect(
      await screen.findByText("You don't have the permissions to access that content")
    ).toBeInTheDocument();
    expect(client.get).not.toHaveBeenCalled();
  });
});
