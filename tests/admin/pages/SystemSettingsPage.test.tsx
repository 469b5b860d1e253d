import { fireEvent, screen, waitFor } from '@testing-library/react';

import { SystemSettingsPage } from '../../../admin/src/pages/SystemSettingsPage';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const flags = {
  CHATRECORDFLAG: 'OFF',
  FLOWRECORDFLAG: 'OFF',
  CCIVRRECORDFLAG: 'OFF',
  retentionDays: 365,
};
const preview = {
  at: '2026-11-01T08:00:00.000Z',
  tenantRetentionDays: 365,
  rows: [
    {
      bot: { kind: 'INTELLIGENT_ROBOT', id: 4, name: 'Billing robot', accessCode: '10086' },
      retentionDays: 30,
      source: 'bot',
      cutoff: '2026-10-02T08:00:00.000Z',
      expiring: 1234,
      capped: false,
      held: 2,
      oldestKept: '2026-09-20T08:00:00.000Z',
    },
    {
      bot: null,
      retentionDays: 365,
      source: 'tenant',
      cutoff: '2025-11-01T08:00:00.000Z',
      expiring: 10000,
      capped: true,
      held: 0,
      oldestKept: null,
    },
  ],
};
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
    if (url === '/call-history/retention/preview') return { data: { data: preview } };
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

  it('shows the dry run per bot, and saves the retention period with confirmation', async () => {
    client.put.mockResolvedValue({ data: { data: { ...flags, retentionDays: 90 } } });
    renderInAdmin(<SystemSettingsPage />, {
      permissions: [permission('settings.read'), permission('settings.update')],
    });
    expect(await screen.findByText('Billing robot')).toBeInTheDocument();
    expect(screen.getByText('30 days (own)')).toBeInTheDocument();
    expect(screen.getByText('1,234')).toBeInTheDocument();
    expect(screen.getByText('10,000+')).toBeInTheDocument();
    expect(screen.getByText('Calls of no known robot or IVR flow')).toBeInTheDocument();

    const field = screen.getByLabelText('Keep calls for (days)');
    expect(field).toHaveValue('365');
    fireEvent.change(field, { target: { value: '0' } });
    expect(screen.getByText('A whole number of days from 1 to 36500.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save period' })).toBeDisabled();

    fireEvent.change(field, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save period' }));
    expect(await screen.findByText('365 days → 90 days')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(client.put).toHaveBeenCalledWith('/call-history/settings', { retentionDays: 90 })
    );
    expect(
      await screen.findByText('Retention period saved: the next purge run follows it.')
    ).toBeInTheDocument();
  });

  it('saves an empty period as "keep forever"', async () => {
    client.put.mockResolvedValue({ data: { data: { ...flags, retentionDays: null } } });
    renderInAdmin(<SystemSettingsPage />, {
      permissions: [permission('settings.read'), permission('settings.update')],
    });
    fireEvent.change(await screen.findByLabelText('Keep calls for (days)'), {
      target: { value: '' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save period' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(client.put).toHaveBeenCalledWith('/call-history/settings', { retentionDays: null })
    );
  });
});
