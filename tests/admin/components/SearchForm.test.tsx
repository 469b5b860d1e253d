import { fireEvent, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';

import type { Bot } from '../../../admin/src/api/types';
import { SearchForm } from '../../../admin/src/components/SearchForm';
import { renderInAdmin } from '../render';

const bots: Bot[] = [
  {
    kind: 'INTELLIGENT_ROBOT',
    id: 1,
    name: 'Sales bot',
    accessCode: '1001',
    description: null,
    retentionDays: null,
    historicalCallRecord: true,
    flowCallRecording: true,
    effective: {
      call: true,
      flow: true,
      reason: 'CHATRECORDFLAG is ON',
      callDecidedBy: 'tenant-flag',
      flowDecidedBy: 'tenant-flag',
    },
  },
];

const initial = { from: '2026-11-02', to: '2026-11-05' };

describe('SearchForm', () => {
  it('searches the period with a last-digits calling number', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    fireEvent.change(screen.getByLabelText('Calling number'), { target: { value: '*5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith({
      from: '2026-11-02',
      to: '2026-11-05',
      callingNumber: '*5678',
      accessCode: undefined,
    });
  });

  it('refuses to search without a period and says why', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    // The first "Clear" button empties the first day of the period.
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear' })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).not.toHaveBeenCalled();
    expect(
      screen.getByText('Choose the first day: the search needs a period.')
    ).toBeInTheDocument();
  });

  it('refuses a period that ends before it starts', async () => {
    const onSearch = jest.fn();
    renderInAdmin(
      <SearchForm
        initial={{ from: '2026-11-05', to: '2026-11-02' }}
        bots={bots}
        onSearch={onSearch}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getByText('The last day must not be before the first day.')).toBeInTheDocument();
  });

  it('refuses a calling number that is not digits with one leading or trailing *', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    fireEvent.change(screen.getByLabelText('Calling number'), { target: { value: '*56*78' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getByText(/Use digits only/)).toBeInTheDocument();
  });

  it('takes a typed access code that no robot owns', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Robot access code' }), {
      target: { value: '9999' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ accessCode: '9999' }));
  });

  it('searches when Enter is pressed in a field: the form submits, the icon is its submit button', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    expect(screen.getByRole('button', { name: 'Search' })).toHaveAttribute('type', 'submit');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Calling number'), '86138*{Enter}');
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ callingNumber: '86138*' }));
  }, 120_000);

  it('offers each access code with its robot or IVR flow name, and fills in the code', async () => {
    const onSearch = jest.fn();
    renderInAdmin(<SearchForm initial={initial} bots={bots} onSearch={onSearch} />);
    const combobox = screen.getByRole('combobox', { name: 'Robot access code' });
    const user = userEvent.setup({ delay: null });
    await user.click(combobox);
    await user.click(await screen.findByRole('option', { name: '1001 — Sales bot' }));
    expect(combobox).toHaveValue('1001');
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith(expect.objectContaining({ accessCode: '1001' }));
  }, 120_000);
});
