import { screen, within } from '@testing-library/react';

import type { CallStats } from '../../../admin/src/api/types';
import { CallsChart } from '../../../admin/src/components/CallsChart';
import { renderInAdmin } from '../render';

const stats = (isCapped = false): CallStats => ({
  perDay: [
    { day: '2026-11-02', count: 12 },
    { day: '2026-11-03', count: 1500 },
  ],
  perAccessCode: [{ accessCode: '1001', count: 1512 }],
  isCapped,
});

describe('CallsChart', () => {
  it('gives the chart a text alternative: a table of the per-day counts', () => {
    renderInAdmin(<CallsChart stats={stats()} error={null} cap={null} />);
    const table = screen.getByRole('table', { name: 'Calls per day' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'DayCalls',
      '11/02/202612',
      '11/03/20261,500',
    ]);
  });

  it('says the request failed instead of showing an empty chart', () => {
    renderInAdmin(<CallsChart stats={undefined} error="The server failed to answer." cap={null} />);
    expect(
      screen.getByText('The statistics could not be loaded: The server failed to answer.')
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when only the newest matches of a capped search were counted', () => {
    const { unmount } = renderInAdmin(<CallsChart stats={stats(true)} error={null} cap={10000} />);
    expect(screen.getByText('Counts of the newest 10,000 matches')).toBeInTheDocument();
    unmount();
    renderInAdmin(<CallsChart stats={stats(false)} error={null} cap={10000} />);
    expect(screen.queryByText(/Counts of the newest/)).not.toBeInTheDocument();
  });
});
