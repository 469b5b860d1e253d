import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { DataErasurePage } from '../../../admin/src/pages/DataErasurePage';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const NUMBER = '8613800138000';

beforeEach(() => {
  client.post.mockReset().mockImplementation(async (url: string) => {
    if (url === '/call-history/calls/erase/preview')
      return { data: { data: { matching: 14, held: 1 } } };
    if (url === '/call-history/calls/erase') return { data: { data: { erased: 14, held: 1 } } };
    throw new Error(`unexpected POST ${url}`);
  });
});

describe('DataErasurePage', () => {
  it('counts the calls of a number, held apart, then erases after a reason and confirmation', async () => {
    renderInAdmin(<DataErasurePage />, { permissions: [permission('calls.erase')] });
    fireEvent.change(await screen.findByLabelText('Calling number'), {
      target: { value: ` ${NUMBER} ` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Count calls' }));
    expect(await screen.findByTestId('erasure-matching')).toHaveTextContent('14');
    expect(screen.getByTestId('erasure-held')).toHaveTextContent('1');
    // The number travels in the body, never in the URL.
    expect(client.post).toHaveBeenCalledWith('/call-history/calls/erase/preview', {
      callingNumber: NUMBER,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Erase 14 calls' }));
    expect(screen.getByText('Say why: it is kept in the audit log.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: 'Request #42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase 14 calls' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        '14 calls of this number will be deleted for good. Held calls (1) are kept.'
      )
    ).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase' }));
    await waitFor(() =>
      expect(client.post).toHaveBeenCalledWith('/call-history/calls/erase', {
        callingNumber: NUMBER,
        reason: 'Request #42',
      })
    );
    expect(
      (await screen.findAllByText('14 calls erased; 1 held calls kept.')).length
    ).toBeGreaterThan(0);
  });

  it('refuses a wildcard before asking the server', async () => {
    renderInAdmin(<DataErasurePage />, { permissions: [permission('calls.erase')] });
    fireEvent.change(await screen.findByLabelText('Calling number'), {
      target: { value: '*5678' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Count calls' }));
    expect(
      screen.getByText('The whole number: digits with an optional leading +, no wildcard.')
    ).toBeInTheDocument();
    expect(client.post).not.toHaveBeenCalled();
  });

  it("shows Strapi's no-permission page without calls.erase", async () => {
    renderInAdmin(<DataErasurePage />, { permissions: [permission('settings.read')] });
    expect(
      await screen.findByText("You don't have the permissions to access that content")
    ).toBeInTheDocument();
  });
});
