import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { SearchPage } from '../../../admin/src/api/types';
import { HoldMatchingAction } from '../../../admin/src/components/HoldMatchingAction';
import { listRow } from '../fixtures';
import { renderInAdmin } from '../render';

const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const FILTERS = { from: '2026-11-02', to: '2026-11-05', callingNumber: '*5678' };
const page = (total: number, totalIsCapped = false): SearchPage => ({
  results: total > 0 ? [listRow()] : [],
  pagination: { pageSize: 20, sort: 'startTime:desc', nextCursor: null, total, totalIsCapped },
});

beforeEach(() => {
  client.post.mockReset().mockResolvedValue({ data: { data: { held: 41, alreadyHeld: 1 } } });
});

describe('HoldMatchingAction', () => {
  it('confirms with the count it will hold, then holds the search with the reason', async () => {
    renderInAdmin(<HoldMatchingAction filters={FILTERS} page={page(42)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hold all matching' }));
    const asked = within(await screen.findByRole('dialog'));
    expect(asked.getByText(/^42 calls match this search/)).toBeInTheDocument();
    fireEvent.change(asked.getByLabelText(/Reason/), { target: { value: 'Inquiry 17' } });
    fireEvent.click(asked.getByRole('button', { name: 'Hold all matching' }));
    await waitFor(() => expect(client.post).toHaveBeenCalledTimes(1));
    const [url, body] = client.post.mock.calls[0];
    expect(url).toBe('/call-history/calls/hold');
    expect(body).toMatchObject({ callingNumber: '*5678', reason: 'Inquiry 17' });
    expect(body.from).toEqual(expect.any(String));
    expect(await screen.findByText('41 calls held; 1 already held.')).toBeInTheDocument();
  });

  it('says "more than" past the capped total, and cannot hold an empty search', async () => {
    const { unmount } = renderInAdmin(
      <HoldMatchingAction filters={FILTERS} page={page(10_000, true)} />
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hold all matching' }));
    expect(
      await screen.findByText(/^More than 10,000 calls match this search/)
    ).toBeInTheDocument();
    unmount();
    renderInAdmin(<HoldMatchingAction filters={FILTERS} page={page(0)} />);
    expect(screen.getByRole('button', { name: 'Hold all matching' })).toBeDisabled();
  });
});
