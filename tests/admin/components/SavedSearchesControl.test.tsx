import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { SavedSearch, SearchFilters, SearchView } from '../../../admin/src/api/types';
import { SavedSearchesControl } from '../../../admin/src/components/SavedSearchesControl';
import { SearchViewControls } from '../../../admin/src/components/SearchViewControls';
import { periodToApi } from '../../../admin/src/utils/time';
import { renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const FILTERS: SearchFilters = { from: '2026-11-02', to: '2026-11-05', callingNumber: '*5678' };
const VIEW: SearchView = { sort: 'durationSeconds:desc', pageSize: 50 };

/** A saved search of these filters and view, saved in the browser's zone. */
const saved = (id: number, name: string, filters = FILTERS, view = VIEW): SavedSearch => ({
  id,
  name,
  search: {
    ...periodToApi(filters),
    ...(filters.callingNumber ? { callingNumber: filters.callingNumber } : {}),
    ...(filters.accessCode ? { accessCode: filters.accessCode } : {}),
    ...view,
  },
  createdAt: '2026-11-05T10:00:00.000Z',
});

const chooseOption = async (label: string, option: string) => {
  fireEvent.keyDown(screen.getByRole('combobox', { name: label }), { key: 'ArrowDown' });
  // The design system's select picks an option on Enter (or a real pointer's release).
  fireEvent.keyDown(await screen.findByRole('option', { name: option }), { key: 'Enter' });
};

beforeEach(() => {
  client.get.mockReset().mockResolvedValue({ data: { data: [] } });
  client.post.mockReset();
  client.del.mockReset().mockResolvedValue({ data: { data: { id: 1 } } });
});

describe('SavedSearchesControl', () => {
  it('saves the current filters, sort and page size under a name, after checking the name', async () => {
    client.post.mockImplementation(async (_url: string, body: object) => ({
      data: { data: { id: 7, createdAt: '2026-11-05T10:00:00.000Z', ...body } },
    }));
    renderInAdmin(<SavedSearchesControl filters={FILTERS} view={VIEW} onRun={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this search' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Give the search a name.')).toBeInTheDocument();
    expect(client.post).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), {
      target: { value: '  Long calls  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.post).toHaveBeenCalledTimes(1));
    expect(client.post).toHaveBeenCalledWith('/call-history/saved-searches', {
      name: 'Long calls',
      ...periodToApi(FILTERS),
      callingNumber: '*5678',
      sort: 'durationSeconds:desc',
      pageSize: 50,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it("shows the server's refusal on the name", async () => {
    client.post.mockRejectedValue({
      response: {
        status: 400,
        data: {
          error: {
            status: 400,
            message: 'you already have a saved search named "Long calls"',
            details: {
              errors: [
                { path: ['name'], message: 'you already have a saved search named "Long calls"' },
              ],
            },
          },
        },
      },
    });
    renderInAdmin(<SavedSearchesControl filters={FILTERS} view={VIEW} onRun={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this search' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'Long calls' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('you already have a saved search named "Long calls"')
    ).toBeInTheDocument();
  });

  it('runs a saved search: its days, filters, sort and page size', async () => {
    const other = saved(
      2,
      'Oldest of 1001',
      { from: '2026-10-01', to: '2026-10-31', accessCode: '1001' },
      { sort: 'startTime:asc', pageSize: 100 }
    );
    client.get.mockResolvedValue({ data: { data: [saved(1, 'Long calls'), other] } });
    const onRun = jest.fn();
    renderInAdmin(<SavedSearchesControl filters={FILTERS} view={VIEW} onRun={onRun} />);
    // The page shows "Long calls" now: the list names it.
    expect(await screen.findByText('Long calls')).toBeInTheDocument();
    await chooseOption('Saved searches', 'Oldest of 1001');
    expect(onRun).toHaveBeenCalledWith(
      { from: '2026-10-01', to: '2026-10-31', callingNumber: undefined, accessCode: '1001' },
      { sort: 'startTime:asc', pageSize: 100 }
    );
  });

  it('deletes the saved search shown, after confirming', async () => {
    client.get.mockResolvedValue({ data: { data: [saved(1, 'Long calls')] } });
    renderInAdmin(<SavedSearchesControl filters={FILTERS} view={VIEW} onRun={jest.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete saved search Long calls' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this saved search?' });
    expect(within(dialog).getByText(/"Long calls" will be removed/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(client.del).toHaveBeenCalledWith('/call-history/saved-searches/1'));
  });

  it('offers no delete when the page shows no saved search', async () => {
    client.get.mockResolvedValue({ data: { data: [saved(1, 'Long calls')] } });
    renderInAdmin(
      <SavedSearchesControl
        filters={FILTERS}
        view={{ sort: 'startTime:desc', pageSize: 20 }}
        onRun={jest.fn()}
      />
    );
    expect(await screen.findByText('Run a saved search')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete saved search/ })).not.toBeInTheDocument();
  });
});

describe('SearchViewControls', () => {
  it('offers the four sorts and the three page sizes', async () => {
    const onChange = jest.fn();
    renderInAdmin(<SearchViewControls view={VIEW} onChange={onChange} />);
    await chooseOption('Sort', 'Oldest first');
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'startTime:asc', pageSize: 50 });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Per page' }), { key: 'ArrowDown' });
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      '20',
      '50',
      '100',
    ]);
    fireEvent.keyDown(screen.getByRole('option', { name: '100' }), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'durationSeconds:desc', pageSize: 100 });
  });
});
